//! THE text blob: every fixed text femtobox prints or matches — messages,
//! glibc's errno texts, option tables, usage and help, the box's own — in
//! one read-only byte string, each entry ended by a NUL and named by its
//! offset (`Text`, two bytes) rather than by a pointer and a length.
//! Written here as readable Rust; the `blob!` macro lays it out at compile
//! time.
//!
//! Message templates (see `msg.rs`) are written after the `PROG: ` every
//! message begins with, without the newline that ends it; bytes 1-6 in
//! them are placeholders: `\x01` the name, quoted as GNU's `quotef`;
//! `\x02` the name as it is; `\x03` the errno text of the number; `\x04`
//! the name quoted as GNU's `quote` (locale style); `\x05` as `quoteaf`;
//! `\x06` PROG; `\x07` the number in decimal.

/// An entry of the blob: its offset.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Text(pub u16);

/// The blob from `t` on: the entry up to its NUL, then the rest (lists of
/// NUL-ended items run to an empty item).
#[inline(always)]
pub const fn get(t: Text) -> &'static [u8] {
    match BLOB.split_at_checked(t.0 as usize) {
        Some((_, rest)) => rest,
        None => b"",
    }
}

/// The entry `t` without its NUL (a usage text; at compile time, an option
/// string).
pub const fn entry(t: Text) -> &'static [u8] {
    split(t, 0)
}

/// The entry `t` with its NUL (a path or name for the kernel).
pub const fn entry_z(t: Text) -> &'static [u8] {
    split(t, 1)
}

/// The entry `t` and `extra` bytes more.
const fn split(t: Text, extra: usize) -> &'static [u8] {
    let s = get(t);
    let mut n = 0;
    while n < s.len() && s[n] != 0 {
        n += 1;
    }
    match s.split_at_checked(n + extra) {
        Some((head, _)) => head,
        None => s,
    }
}

const fn offsets<const N: usize>(parts: [&str; N]) -> [u16; N] {
    let mut at = [0u16; N];
    let (mut i, mut sum) = (0, 0);
    while i < N {
        at[i] = sum as u16;
        sum += parts[i].len() + 1;
        i += 1;
    }
    assert!(sum <= 65535, "the blob outgrew 16-bit offsets");
    at
}

/// The parts, each followed by a NUL, in one array of `LEN` bytes.
const fn join<const LEN: usize>(parts: &[&str]) -> [u8; LEN] {
    let mut blob = [0u8; LEN];
    let (mut i, mut at) = (0, 0);
    while i < parts.len() {
        let p = parts[i].as_bytes();
        let mut j = 0;
        while j < p.len() {
            blob[at] = p[j];
            (at, j) = (at + 1, j + 1);
        }
        (at, i) = (at + 1, i + 1);
    }
    assert!(at == LEN);
    blob
}

const fn total(parts: &[&str]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < parts.len() {
        n += parts[i].len() + 1;
        i += 1;
    }
    n
}

/// `NAME = "text";` entries (a string, or a macro making one) -> `BLOB`
/// and a `Text` const per name. `NAME [cat | yes] = ...` is there only
/// when one of those applets is built (else it is empty).
macro_rules! blob {
    ($($(#[$doc:meta])* $name:ident $([$($f:literal)|+])? = $text:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u16)]
        enum Id { $($name),* }
        const PARTS: [&str; [$(stringify!($name)),*].len()] =
            [$(if true $(&& cfg!(any($(feature = $f),+)))? { $text } else { "" }),*];
        const AT: [u16; PARTS.len()] = offsets(PARTS);
        /// Every text, each ended by a NUL.
        pub const BLOB: &[u8] = &join::<{ total(&PARTS) }>(&PARTS);
        $($(#[$doc])* pub const $name: Text = Text(AT[Id::$name as usize]);)*
    };
}

/// An applet's `--help` text after `Usage: `: its synopsis line, and with
/// the `help` feature (on by default; `make HELP=0` leaves it out) one short
/// line per option, in our own words. (After a `;`: what follows either way.)
#[cfg(feature = "help")]
macro_rules! usage {
    ($synopsis:literal $(, $line:literal)* $(,)? $(; $tail:literal)?) => {
        concat!($synopsis, $($line,)* $($tail)?)
    };
}
#[cfg(not(feature = "help"))]
macro_rules! usage {
    ($synopsis:literal $(, $line:literal)* $(,)? $(; $tail:literal)?) => {
        concat!($synopsis, $($tail)?)
    };
}

blob! {
    /// How every message begins.
    PROG = "\x06: ";
    // ---- messages (after `PROG: `) ----
    NAME_ERROR ["cat" | "tee" | "wc"] = "\x01: \x03";
    INPUT_IS_OUTPUT ["cat"] = "\x01: input file is output file";
    WRITE_ERROR = "write error: \x03";
    STDOUT_ERROR ["cat" | "yes"] = "standard output: \x03";
    CLOSING_STDIN ["cat"] = "closing standard input: \x03";
    NO_MEMORY ["yes" | "rm"] = "memory exhausted";
    NOT_FOUND = "applet not found";
    NO_NAME = "no applet name";
    MISSING_OPERAND ["basename" | "dirname" | "sleep" | "rmdir" | "rm" | "mkdir"] = "missing operand";
    EXTRA_OPERAND ["basename" | "uname" | "nproc"] = "extra operand \x04";
    IGNORING ["pwd"] = "ignoring non-option arguments";
    /// pwd's walk up: `'..`, then `/..` for each level higher, then one of these.
    NTH_PARENT ["pwd"] = "'..";
    NTH_PARENT_MORE ["pwd"] = "/..";
    NO_ENTRY ["pwd"] = "couldn't find directory entry in ";
    NO_ENTRY_END ["pwd"] = "' with matching i-node";
    CANNOT_OPEN_DIR ["pwd"] = "cannot open directory ";
    READING_DIR ["pwd"] = "reading directory ";
    QUOTE_ERROR ["pwd"] = "': \x03";
    READ_ERROR ["tee"] = "read error: \x03";
    EXTRA_OPERAND_AF ["wc" | "ln"] = "extra operand \x05";
    NO_FILES0_OPERANDS ["wc"] = "file operands cannot be combined with --files0-from";
    NAME_READ_ERROR ["wc"] = "\x01: read error: \x03";
    NO_DASH_FROM_STDIN ["wc"] = "when reading file names from stdin, no file name of '-' allowed";
    NAME_COLON ["wc"] = "\x01:";
    ZERO_LENGTH ["wc"] = "invalid zero-length file name";
    TOTAL ["wc"] = "total";
    WRITE_ERROR_ONLY ["wc" | "head"] = "write error";
    NO_AVX2 ["wc"] = "avx2 support not detected";
    USING_AVX2 ["wc"] = "using avx2 hardware support";
    TRAILING ["head"] = "invalid trailing option -- \x02";
    INVALID_LINES ["head"] = "invalid number of lines: ";
    INVALID_BYTES ["head"] = "invalid number of bytes: ";
    QUOTED ["head"] = "\x04";
    QUOTE_OPEN ["head"] = "'";
    QUOTE_ERROR_END ["head"] = "': \x03";
    CANNOT_OPEN ["head" | "wc"] = "cannot open \x05";
    FOR_READING ["head" | "wc"] = " for reading: \x03";
    ERROR_READING ["head"] = "error reading \x05: \x03";
    CANNOT_FSTAT ["head"] = "cannot fstat \x05: \x03";
    FAILED_TO_CLOSE ["head" | "touch"] = "failed to close \x05: \x03";
    ERROR_WRITING ["head"] = "error writing 'standard output': \x03";
    SEEK_RELATIVE ["head"] = "\x01: cannot seek to relative offset ";
    SEEK_TO ["head"] = "\x01: cannot seek to offset ";
    STANDARD_OUTPUT ["tee"] = "standard output";
    STANDARD_INPUT ["tee" | "head" | "wc"] = "standard input";
    // gnulib's argmatch: the word, the option, the valid words by meaning.
    AMBIGUOUS_ARG ["tee" | "rm" | "touch"] = "ambiguous argument \x04 for ";
    INVALID_ARG ["tee" | "rm" | "touch"] = "invalid argument \x04 for ";
    ARG_OPTION ["tee" | "rm" | "touch"] = "\x04\nValid arguments are:";
    VALID_ARG ["tee" | "rm" | "touch"] = "\n  - \x04";
    VALID_SYNONYM ["tee" | "rm" | "touch"] = ", \x04";
    INVALID_INTERVAL ["sleep"] = "invalid time interval \x04";
    INVALID_NUMBER ["nproc"] = "invalid number: \x04";
    CANNOT_UNSET ["env"] = "cannot unset \x04: \x03";
    NULL_WITH_COMMAND ["env"] = "cannot specify --null (-0) with command";
    CHDIR_WITHOUT_COMMAND ["env"] = "must specify command with --chdir (-C)";
    CANNOT_CHDIR ["env"] = "cannot change directory to \x05: \x03";
    EXEC_FAILED ["env"] = "\x04: \x03";
    EXEC_NOTHING ["env"] = "\x04";
    USE_S ["env"] = "use -[v]S to pass options in shebang lines";
    INVALID_SIGNAL ["env"] = "\x04: invalid signal";
    SIG_SET_FAILED ["env"] = "failed to set signal action for signal \x07";
    C_IN_QUOTES ["env"] = "'\\c' must not appear in double-quoted -S string";
    BACKSLASH_AT_END ["env"] = "invalid backslash at end of string in -S";
    BAD_SEQUENCE ["env"] = "invalid sequence '\\\x02' in -S";
    ONLY_VARNAME ["env"] = "only ${VARNAME} expansion is supported, error at: \x02";
    NO_QUOTE ["env"] = "no terminating quote in -S string";
    // ---- env -v's trace (to stderr, without `PROG: `) ----
    D_CLEANING ["env"] = "cleaning environ";
    D_UNSET ["env"] = "unset:    \x02";
    D_SETENV ["env"] = "setenv:   \x02";
    D_SPLIT ["env"] = "split -S:  \x04";
    D_INTO ["env"] = " into:    \x04";
    D_AND ["env"] = "     &    \x04";
    D_EXPANDING ["env"] = "expanding ${\x02";
    D_INTO_VALUE ["env"] = "} into \x04";
    D_REPLACING ["env"] = "replacing ${\x02} with null string";
    D_RESET ["env"] = "Reset signal ";
    D_SIGNAL ["env"] = "signal ";
    D_NUMBER ["env"] = " (\x07) ";
    D_TO ["env"] = "to ";
    D_MASK ["env"] = "mask set to ";
    /// The actions: DEFAULT IGNORE BLOCK UNBLOCK, a list.
    D_ACTIONS ["env"] = "DEFAULT\0IGNORE\0BLOCK\0UNBLOCK\0";
    D_FAILURE_IGNORED ["env"] = " (failure ignored)";
    D_CHDIR ["env"] = "chdir:    \x05";
    D_EXECUTING ["env"] = "executing: \x02";
    D_ARG ["env"] = "   arg[\x07]= \x04";
    /// Signal names by number (0 is EXIT), then the aliases IOT CLD IO: a list.
    SIGNALS ["env"] = concat!(
        "EXIT\0HUP\0INT\0QUIT\0ILL\0TRAP\0ABRT\0BUS\0FPE\0KILL\0USR1\0SEGV\0USR2\0PIPE\0ALRM\0TERM\0",
        "STKFLT\0CHLD\0CONT\0STOP\0TSTP\0TTIN\0TTOU\0URG\0XCPU\0XFSZ\0VTALRM\0PROF\0WINCH\0POLL\0PWR\0SYS\0",
        "IOT\0CLD\0IO\0",
    );
    /// What execvp runs a file of no known format with.
    SH ["env"] = "/bin/sh";
    /// execvp's search path when PATH is unset (glibc's _CS_PATH).
    DEFAULT_PATH ["env"] = "/bin:/usr/bin";
    REMOVING_DIR ["rmdir"] = "\x06: removing directory, \x05\n";
    FAILED_TO_REMOVE ["rmdir"] = "failed to remove \x05: \x03";
    FAILED_TO_REMOVE_DIR ["rmdir"] = "failed to remove directory \x05: \x03";
    NOT_FOLLOWED ["rmdir"] = "failed to remove \x05: Symbolic link not followed";
    CREATED ["mkdir"] = "\x06: created directory \x05\n";
    CANNOT_CREATE ["mkdir"] = "cannot create directory \x04: \x03";
    CANNOT_STAT ["mkdir"] = "cannot stat \x04: \x03";
    CANNOT_CHMOD ["mkdir"] = "cannot change permissions of \x04: \x03";
    INVALID_MODE ["mkdir"] = "invalid mode \x04";
    RELATIVE_TOO_LONG ["ln"] = "generating relative path: \x03\n";
    MISSING_FILE_OPERAND ["ln" | "touch"] = "missing file operand";
    MISSING_DESTINATION ["ln"] = "missing destination file operand after \x05";
    NO_RELATIVE ["ln"] = "cannot do --relative without --symbolic";
    MULTIPLE_TARGETS ["ln"] = "multiple target directories specified";
    FAILED_TO_ACCESS ["ln"] = "failed to access \x05: \x03";
    TARGET_NOT_DIR ["ln"] = "target \x05 is not a directory";
    TARGET_ERROR ["ln"] = "target \x05: \x03";
    CANNOT_COMBINE ["ln"] = "cannot combine --target-directory and --no-target-directory";
    HARD_LINK_DIR ["ln"] = "\x01: hard link not allowed for directory";
    CANNOT_OVERWRITE_DIR ["ln"] = "\x01: cannot overwrite directory";
    JUST_CREATED ["ln"] = "will not overwrite just-created \x05 with ";
    SAME_FILE ["ln"] = "\x05 and ";
    ARE_SAME ["ln"] = "\x05 are the same file";
    REPLACE ["ln"] = "replace \x05? ";
    SYMLINK_ARROW ["ln"] = "\x05 -> ";
    HARD_ARROW ["ln"] = "\x05 => ";
    QUOTED_AF ["ln"] = "\x05";
    QUOTED_AF_LINE ["ln"] = "\x05\n";
    QUOTED_ERROR ["ln"] = "\x05: \x03";
    ERROR_ONLY ["ln"] = ": \x03";
    FAILED_SYMLINK ["ln"] = "failed to create symbolic link \x05";
    FAILED_SYMLINK_TO ["ln"] = "failed to create symbolic link \x05 -> ";
    FAILED_HARD_TO ["ln"] = "failed to create hard link to \x05";
    FAILED_HARD ["ln"] = "failed to create hard link \x05";
    FAILED_HARD_FROM ["ln"] = "failed to create hard link \x05 => ";
    INVALID_DATE ["touch"] = "invalid date format \x04";
    MORE_THAN_ONE_SOURCE ["touch"] = "cannot specify times from more than one source";
    CANNOT_TOUCH ["touch"] = "cannot touch \x05: \x03";
    SETTING_TIMES ["touch"] = "setting times of \x05: \x03";
    TIME_OPTION ["touch"] = "--time";
    /// `--time`'s words: entries `VALUE WORD`, a list.
    TOUCH_TIMES ["touch"] = "\x01atime\0\x01access\0\x01use\0\x02mtime\0\x02modify\0";
    ZONEINFO ["touch"] = "/usr/share/zoneinfo";
    CANNOT_REMOVE ["rm"] = "cannot remove \x05: \x03";
    REMOVED ["rm"] = "removed \x05\n";
    REMOVED_DIR ["rm"] = "removed directory \x05\n";
    REFUSING ["rm"] = "refusing to remove '.' or '..' directory: skipping \x05";
    DANGEROUS ["rm"] = "it is dangerous to operate recursively on \x05";
    DANGEROUS_SAME ["rm"] = "it is dangerous to operate recursively on \x05 (same as '/')";
    USE_NO_PRESERVE ["rm"] = "use --no-preserve-root to override this failsafe";
    FAILED_TO_STAT ["rm"] = "failed to stat \x05: skipping ";
    SKIPPING ["rm"] = "\x05";
    SKIPPING_DEVICE ["rm"] = "skipping \x05, since it's on a different device";
    AND_PRESERVE_ALL ["rm"] = "and --preserve-root=all is in effect";
    NO_ABBREVIATION ["rm"] = "you may not abbreviate the --no-preserve-root option";
    BAD_PRESERVE_ROOT ["rm"] = "unrecognized --preserve-root argument: \x05";
    FAILED_ATTRIBUTES ["rm" | "touch"] = "failed to get attributes of \x05: \x03";
    TRAVERSAL_FAILED ["rm"] = "traversal failed: \x01: \x03";
    REMOVE_ARG_RECURSIVELY ["rm"] = "remove \x07 argument recursively? ";
    REMOVE_ARGS_RECURSIVELY ["rm"] = "remove \x07 arguments recursively? ";
    REMOVE_ARGS ["rm"] = "remove \x07 arguments? ";
    DESCEND ["rm"] = "descend into directory \x05? ";
    DESCEND_PROTECTED ["rm"] = "descend into write-protected directory \x05? ";
    REMOVE ["rm"] = "remove \x02 ";
    REMOVE_PROTECTED ["rm"] = "remove write-protected \x02 ";
    QUESTION ["rm"] = "\x05? ";
    /// gnulib's file_type words, by rm's `kind` order, a list.
    FILE_TYPES ["rm"] = "regular empty file\0regular file\0directory\0symbolic link\0character special file\0block special file\0fifo\0socket\0weird file\0";
    TRY_DOT_SLASH ["rm"] = "Try '\x06 ./\x01' to remove the file \x05.\n";
    INTERACTIVE_OPTION ["rm"] = "--interactive";
    NO_PRESERVE_ROOT_OPTION ["rm"] = "--no-preserve-root";
    /// `--interactive`'s words: entries `VALUE WORD`, a list.
    RM_WHEN ["rm"] = "\x01never\0\x01no\0\x01none\0\x02once\0\x03always\0\x03yes\0";
    PWD_VAR ["pwd"] = "PWD";
    OMP_NUM_THREADS ["nproc"] = "OMP_NUM_THREADS";
    OMP_THREAD_LIMIT ["nproc"] = "OMP_THREAD_LIMIT";
    CPUS_POSSIBLE ["nproc"] = "/sys/devices/system/cpu/possible";
    PROC_STAT ["nproc"] = "/proc/stat";
    PATH_VAR ["env"] = "PATH";
    GNU_LINUX ["uname"] = "GNU/Linux";
    UNKNOWN ["uname"] = "unknown";
    /// `--install`'s `DIR/NAME: strerror`, in two steps.
    DIR_SLASH = "\x02/";
    RAW_ERROR = "\x02: \x03";
    // ---- glibc getopt_long's messages ----
    INVALID ["getopt"] = "invalid option -- '\x02'";
    NEEDS_ARGUMENT ["getopt"] = "option requires an argument -- '\x02'";
    UNRECOGNIZED ["getopt"] = "unrecognized option '\x02'";
    AMBIGUOUS ["getopt"] = "option '\x02' is ambiguous; possibilities:";
    POSSIBILITY ["getopt"] = " '--\x02'";
    NO_ARGUMENT ["getopt"] = "option '--\x02' doesn't allow an argument";
    NEEDS_LONG_ARGUMENT ["getopt"] = "option '--\x02' requires an argument";
    TRY ["getopt"] = "\nTry '\x06 --help' for more information.";
    /// The errno texts (`ERRNO_TEXTS`) with the words they share
    /// (`ERRNO_WORDS`) each stored once: byte k (1..=31) in a text stands
    /// for word k; `errno::spell` spells them out.
    ERRNO = ERRNO_PACKED;
    ERRNO_WORDS = WORDS_JOINED;
    // ---- the box ----
    EMPTY = "";
    /// What argv[1] may be under the box's name (`--help` and `--version`
    /// also answer for true, false and echo), a list.
    USAGE = "Usage: ";
    BOX_OPTIONS = "--help\0--list\0--version\0--install\0";
    VERSION = concat!(" (femtobox) ", env!("CARGO_PKG_VERSION"), "\n");
    BOX_USAGE = usage!(
        "Usage: femtobox [APPLET [ARG]... | --list | --install [-s] DIR]\n",
        "  APPLET [ARG]...     run APPLET (also: run femtobox under APPLET's name)\n",
        "  --list              the applets, one a line\n",
        "  --install [-s] DIR  DIR/APPLET for each applet: a hard link to femtobox (-s: symlink)\n";
        "Applets: "
    );
    // ---- the applets: usage, help, options ----
    CAT_USAGE ["cat"] = usage!(
        "cat [-AbeEnstTuv] [FILE]...\n",
        "Concatenate FILEs to stdout (none or -: stdin).\n",
        "  -A --show-all          = -vET\n",
        "  -b --number-nonblank   number nonempty lines (overrides -n)\n",
        "  -e                     = -vE\n",
        "  -E --show-ends         $ at the end of each line\n",
        "  -n --number            number all lines\n",
        "  -s --squeeze-blank     no repeated empty lines\n",
        "  -t                     = -vT\n",
        "  -T --show-tabs         TAB as ^I\n",
        "  -u                     (ignored)\n",
        "  -v --show-nonprinting  ^ and M- notation, but for LF and TAB\n",
    );
    CAT_SHORT ["cat"] = "benstuvAET";
    /// cat's long options; the list goes on into HELP_VERSION.
    CAT_LONG ["cat"] = concat!(
        "bnumber-nonblank\0nnumber\0ssqueeze-blank\0vshow-nonprinting\0",
        "Eshow-ends\0Tshow-tabs\0Ashow-all",
    );
    /// The long options of yes, and the end of cat's.
    HELP_VERSION ["cat" | "yes" | "sleep"] = "\x01help\0\x02version\0";
    BASENAME_USAGE ["basename"] = usage!(
        "basename NAME [SUFFIX]\n   or: basename OPTION... NAME...\n",
        "Print NAME without its directories (and a trailing SUFFIX).\n",
        "  -a --multiple       every operand is a NAME\n",
        "  -s --suffix=SUFFIX  remove a trailing SUFFIX; implies -a\n",
        "  -z --zero           end each output line with NUL, not newline\n",
    );
    BASENAME_SHORT ["basename"] = "+as:z";
    BASENAME_LONG ["basename"] = "amultiple\0ssuffix\0zzero\0\x01help\0\x02version\0";
    DIRNAME_USAGE ["dirname"] = usage!(
        "dirname [OPTION] NAME...\n",
        "Print each NAME without its last component (. if none).\n",
        "  -z --zero  end each output line with NUL, not newline\n",
    );
    DIRNAME_SHORT ["dirname"] = "z";
    DIRNAME_LONG ["dirname"] = "zzero\0\x01help\0\x02version\0";
    ECHO_USAGE ["echo"] = usage!(
        "echo [-neE] [STRING]...\n",
        "Write the STRINGs, separated by spaces, and a newline.\n",
        "  -n  no newline at the end\n",
        "  -e  backslash escapes: \\\\ \\a \\b \\c (stop) \\e \\f \\n \\r \\t \\v \\0NNN \\NNN \\xHH\n",
        "  -E  no escapes (the default)\n",
    );
    ENV_USAGE ["env"] = usage!(
        "env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\n",
        "Run COMMAND with the environment changed (none: print the environment).\n",
        "  -i --ignore-environment     start with an empty environment (also: -)\n",
        "  -0 --null                   end each output line with NUL, not newline\n",
        "  -u --unset=NAME             remove NAME from the environment\n",
        "  -C --chdir=DIR              change the working directory to DIR\n",
        "  -S --split-string=S         split S into arguments (for #! lines)\n",
        "     --block-signal[=SIG]     block SIG (all if none) for COMMAND\n",
        "     --default-signal[=SIG]   reset SIG to its default action\n",
        "     --ignore-signal[=SIG]    ignore SIG\n",
        "     --list-signal-handling   list blocked and ignored signals to stderr\n",
        "  -v --debug                  trace each step to stderr\n",
    );
    ENV_SHORT ["env"] = "+C:iS:u:v0 \t\n\x0b\x0c\r";
    ENV_LONG ["env"] = concat!(
        "iignore-environment\0\x30null\0uunset\0Cchdir\0\x18default-signal\0\x19ignore-signal\0",
        "\x1ablock-signal\0\x03list-signal-handling\0vdebug\0Ssplit-string\0\x01help\0\x02version\0",
    );
    FALSE_USAGE ["false"] = usage!("false [ignored arguments]\n", "Exit with status 1.\n");
    HEAD_USAGE ["head"] = usage!(
        "head [OPTION]... [FILE]...\n",
        "Print the first 10 lines of each FILE (none or -: stdin); headers for several.\n",
        "  -c --bytes=[-]NUM  the first NUM bytes (-NUM: all but the last NUM)\n",
        "  -n --lines=[-]NUM  the first NUM lines (-NUM: all but the last NUM)\n",
        "  -q --quiet         no headers (also --silent)\n",
        "  -v --verbose       always headers\n",
        "  -z --zero-terminated  lines end with NUL\n",
        "NUM may have a multiplier: b 512, kB 1000, K 1024, MB, M, ... Y; -NUM alone is -n NUM.\n",
    );
    HEAD_SHORT ["head"] = "c:n:qvz0123456789";
    HEAD_LONG ["head"] = concat!(
        "cbytes\0nlines\0\x03-presume-input-pipe\0qquiet\0qsilent\0vverbose\0zzero-terminated\0",
        "\x01help\0\x02version\0",
    );
    LN_USAGE ["ln"] = usage!(
        "ln [OPTION]... [-T] TARGET LINK_NAME\n   or: ln [OPTION]... TARGET\n",
        "   or: ln [OPTION]... TARGET... DIRECTORY\n   or: ln [OPTION]... -t DIRECTORY TARGET...\n",
        "Link LINK_NAME (or DIRECTORY/TARGET's name, or ./TARGET's name) to TARGET: hard links unless -s.\n",
        "  -d -F --directory    try hard links to directories\n",
        "  -f --force           replace existing links\n",
        "  -i --interactive     ask before replacing\n",
        "  -L --logical         hard links to what symlink TARGETs name\n",
        "  -n --no-dereference  a LINK_NAME that is a symlink to a directory is a file\n",
        "  -P --physical        hard links to symlinks themselves (the default)\n",
        "  -r --relative        with -s: relative to the link's directory\n",
        "  -s --symbolic        symbolic links\n",
        "  -t --target-directory=DIRECTORY  links in DIRECTORY\n",
        "  -T --no-target-directory  LINK_NAME is never a directory to link into\n",
        "  -v --verbose         a line for each link\n",
        "(-b -S --backup --suffix: not supported)\n",
    );
    LN_SHORT ["ln"] = "dfinrst:vFLPT";
    /// GNU's order (the ambiguity messages list in it); `backup` and
    /// `suffix` are refused (getopt::REFUSED).
    LN_LONG ["ln"] = concat!(
        "\x1fbackup\0Fdirectory\0nno-dereference\0Tno-target-directory\0fforce\0iinteractive\0\x1fsuffix\0",
        "ttarget-directory\0Llogical\0Pphysical\0rrelative\0ssymbolic\0vverbose\0\x01help\0\x02version\0",
    );
    MKDIR_USAGE ["mkdir"] = usage!(
        "mkdir [OPTION]... DIRECTORY...\n",
        "Make each DIRECTORY.\n",
        "  -m --mode=MODE  this mode (octal or symbolic, as chmod), not 0777 less the umask\n",
        "  -p --parents    missing parents too; no error if it exists\n",
        "  -v --verbose    a line for each directory made\n",
        "(-Z/--context, SELinux: not supported)\n",
    );
    MKDIR_SHORT ["mkdir"] = "pm:v";
    /// `context` is refused (getopt::REFUSED).
    MKDIR_LONG ["mkdir"] = "\x1fcontext\0mmode\0pparents\0vverbose\0\x01help\0\x02version\0";
    NPROC_USAGE ["nproc"] = usage!(
        "nproc [OPTION]...\n",
        "Print the number of processors this process may use.\n",
        "  --all       all installed processors\n",
        "  --ignore=N  N fewer (at least 1)\n",
    );
    NPROC_LONG ["nproc"] = "\x03all\0\x10ignore\0\x01help\0\x02version\0";
    PRINTENV_USAGE ["printenv"] = usage!(
        "printenv [OPTION]... [VARIABLE]...\n",
        "Print the values of the VARIABLEs (none: all, as NAME=VALUE).\n",
        "  -0 --null  end each output line with NUL, not newline\n",
    );
    PRINTENV_SHORT ["printenv"] = "+iu:0";
    PRINTENV_LONG ["printenv"] = "0null\0\x01help\0\x02version\0";
    PWD_USAGE ["pwd"] = usage!(
        "pwd [OPTION]...\n",
        "Print the working directory's full name.\n",
        "  -L --logical   $PWD, if it names it (default under POSIXLY_CORRECT)\n",
        "  -P --physical  no symlinks (the default)\n",
    );
    PWD_SHORT ["pwd"] = "LP";
    PWD_LONG ["pwd"] = "Llogical\0Pphysical\0\x01help\0\x02version\0";
    RMDIR_USAGE ["rmdir"] = usage!(
        "rmdir [OPTION]... DIRECTORY...\n",
        "Remove each DIRECTORY if it is empty.\n",
        "     --ignore-fail-on-non-empty  a directory that is not empty is no failure\n",
        "  -p --parents  then each parent named in DIRECTORY, right to left\n",
        "  -v --verbose  a line for each directory removed\n",
    );
    RMDIR_SHORT ["rmdir"] = "pv";
    RMDIR_LONG ["rmdir"] = "\x03ignore-fail-on-non-empty\0ppath\0pparents\0vverbose\0\x01help\0\x02version\0";
    RM_USAGE ["rm"] = usage!(
        "rm [OPTION]... [FILE]...\n",
        "Remove each FILE (directories: with -r, or -d if empty).\n",
        "  -f --force           no prompts; missing files and no FILE are no error\n",
        "  -i                   a prompt before every removal\n",
        "  -I                   one prompt before removing more than three FILEs or recursively\n",
        "     --interactive[=WHEN]  never, once (-I) or always (-i, the default WHEN)\n",
        "     --one-file-system    skip directories on other file systems\n",
        "     --no-preserve-root   do not treat '/' specially\n",
        "     --preserve-root[=all]  refuse '/' (the default); all: any FILE on another\n",
        "                          file system than its parent\n",
        "  -r -R --recursive    directories and all they hold\n",
        "  -d --dir             empty directories\n",
        "  -v --verbose         a line for each file removed\n",
    );
    RM_SHORT ["rm"] = "dfirvIR";
    RM_LONG ["rm"] = concat!(
        "fforce\0\x18interactive\0\x03one-file-system\0\x04no-preserve-root\0\x19preserve-root\0",
        "\x05-presume-input-tty\0rrecursive\0ddir\0vverbose\0\x01help\0\x02version\0",
    );
    SLEEP_USAGE ["sleep"] = usage!(
        "sleep NUMBER[SUFFIX]...\n",
        "Pause for the sum of the NUMBERs of seconds (s), minutes (m), hours (h) or days (d).\n",
        "NUMBER may be a fraction, a hexadecimal float or infinity.\n",
    );
    TEE_USAGE ["tee"] = usage!(
        "tee [OPTION]... [FILE]...\n",
        "Copy standard input to standard output and to each FILE.\n",
        "  -a --append               append to the FILEs, do not empty them\n",
        "  -i --ignore-interrupts    ignore SIGINT\n",
        "  -p                        = --output-error=warn-nopipe\n",
        "     --output-error[=MODE]  on an output error: warn, warn-nopipe (the default),\n",
        "                            exit or exit-nopipe (-nopipe: a broken pipe is no error)\n",
    );
    TEE_SHORT ["tee"] = "aip";
    TEE_LONG ["tee"] = "aappend\0iignore-interrupts\0\x18output-error\0\x01help\0\x02version\0";
    /// `--output-error`'s words: entries `VALUE WORD`, a list.
    TEE_MODES ["tee"] = "\x01warn\0\x02warn-nopipe\0\x03exit\0\x04exit-nopipe\0";
    OUTPUT_ERROR_OPTION ["tee"] = "--output-error";
    TOUCH_USAGE ["touch"] = usage!(
        "touch [OPTION]... FILE...\n",
        "Set each FILE's access and modification times to now (none: create it empty; -: stdout).\n",
        "  -a                   only the access time\n",
        "  -c --no-create       create nothing\n",
        "  -d --date=STRING     this time: @SECONDS[.FRAC] or ISO 8601 (2024-01-31 13:45:00.5 +01:00)\n",
        "  -f                   (ignored)\n",
        "  -h --no-dereference  a symlink's own times (creates nothing)\n",
        "  -m                   only the modification time\n",
        "  -r --reference=FILE  FILE's times\n",
        "  -t STAMP             this time: [[CC]YY]MMDDhhmm[.ss]\n",
        "     --time=WORD       access (atime, use) or modify (mtime) only\n",
    );
    TOUCH_SHORT ["touch"] = "acd:fhmr:t:";
    TOUCH_LONG ["touch"] = "\x10time\0cno-create\0ddate\0rreference\0hno-dereference\0\x01help\0\x02version\0";
    TRUE_USAGE ["true"] = usage!("true [ignored arguments]\n", "Exit with status 0.\n");
    UNAME_USAGE ["uname"] = usage!(
        "uname [OPTION]...\n",
        "Print system information (none: -s).\n",
        "  -a --all                all of it, in this order, but -p -i when unknown\n",
        "  -s --kernel-name        kernel name\n",
        "  -n --nodename           network node host name\n",
        "  -r --kernel-release     kernel release\n",
        "  -v --kernel-version     kernel version\n",
        "  -m --machine            machine hardware name\n",
        "  -p --processor          processor type\n",
        "  -i --hardware-platform  hardware platform\n",
        "  -o --operating-system   operating system\n",
    );
    UNAME_SHORT ["uname"] = "asnrvmpio";
    UNAME_LONG ["uname"] = concat!(
        "aall\0skernel-name\0ssysname\0nnodename\0rkernel-release\0rrelease\0vkernel-version\0",
        "mmachine\0pprocessor\0ihardware-platform\0ooperating-system\0\x01help\0\x02version\0",
    );
    WC_USAGE ["wc"] = usage!(
        "wc [OPTION]... [FILE]...\n   or: wc [OPTION]... --files0-from=F\n",
        "Print newline, word and byte counts of each FILE (none or -: stdin), and a total.\n",
        "  -c --bytes            bytes\n",
        "  -m --chars            characters (bytes in the C locale)\n",
        "  -l --lines            newlines\n",
        "  -w --words            words\n",
        "  -L --max-line-length  the widest line's display width\n",
        "     --files0-from=F    the FILEs named in F, NUL-separated (-: stdin)\n",
    );
    WC_SHORT ["wc"] = "clLmw";
    WC_LONG ["wc"] = concat!(
        "cbytes\0mchars\0llines\0wwords\0\x03debug\0\x10files0-from\0Lmax-line-length\0",
        "\x01help\0\x02version\0",
    );
    YES_USAGE ["yes"] = usage!("yes [STRING]...\n", "Write the STRINGs, separated by spaces (none: y), and a newline, until stopped.\n");
}

/// glibc's texts for the errnos the wrappers in sys.rs can return (exactly
/// their union): entries `CODE TEXT NUL`; code 0 ends them, its text for
/// every other number. Stored packed (`ERRNO`).
const ERRNO_TEXTS: &str = concat!(
    "\x01Operation not permitted\0",
    "\x02No such file or directory\0",
    "\x04Interrupted system call\0",
    "\x05Input/output error\0",
    "\x06No such device or address\0",
    "\x07Argument list too long\0",
    "\x08Exec format error\0",
    "\x09Bad file descriptor\0",
    "\x0bResource temporarily unavailable\0",
    "\x0cCannot allocate memory\0",
    "\x0dPermission denied\0",
    "\x0eBad address\0",
    "\x10Device or resource busy\0",
    "\x11File exists\0",
    "\x12Invalid cross-device link\0",
    "\x13No such device\0",
    "\x14Not a directory\0",
    "\x15Is a directory\0",
    "\x16Invalid argument\0",
    "\x17Too many open files in system\0",
    "\x18Too many open files\0",
    "\x1aText file busy\0",
    "\x1bFile too large\0",
    "\x1cNo space left on device\0",
    "\x1dIllegal seek\0",
    "\x1eRead-only file system\0",
    "\x1fToo many links\0",
    "\x20Broken pipe\0",
    "\x24File name too long\0",
    "\x27Directory not empty\0",
    "\x26Function not implemented\0",
    "\x28Too many levels of symbolic links\0",
    "\x4bValue too large for defined data type\0",
    "\x50Accessing a corrupted shared library\0",
    "\x59Destination address required\0",
    "\x5fOperation not supported\0",
    "\x7aDisk quota exceeded\0",
    "\x00Unknown error ",
);

/// The words the errno texts share, in the order the packer tries them (a
/// greedy search's pick: 753 bytes of texts become 577 with these).
const WORDS: &[&str] = &[
    "ot a",
    "ment",
    "busy",
    "le",
    "il",
    "on",
    "arg",
    "err",
    "link",
    "pe",
    "esource ",
    "Invalid ",
    "ed",
    "or",
    " system",
    "No such",
    "e too l",
    " address",
    "evice",
    "tion not ",
    " directory",
    " file",
    "Too many ",
    " d",
    "e ",
];

const WORDS_JOINED: &str = utf8(&WORDS_ARRAY);
const WORDS_ARRAY: [u8; total(WORDS) - 1] = {
    let all = join::<{ total(WORDS) }>(WORDS);
    let mut out = [0u8; total(WORDS) - 1];
    let mut i = 0;
    while i < out.len() {
        out[i] = all[i];
        i += 1;
    }
    out
};

const ERRNO_PACKED: &str = utf8(&ERRNO_ARRAY);
const ERRNO_ARRAY: [u8; pack(ERRNO_TEXTS.as_bytes(), &mut [0; ERRNO_TEXTS.len()])] = {
    let mut out = [0u8; ERRNO_TEXTS.len()];
    let n = pack(ERRNO_TEXTS.as_bytes(), &mut out);
    let mut packed = [0u8; pack(ERRNO_TEXTS.as_bytes(), &mut [0; ERRNO_TEXTS.len()])];
    let mut i = 0;
    while i < n {
        packed[i] = out[i];
        i += 1;
    }
    packed
};

/// `src` with each of WORDS (tried in order) replaced by its number,
/// but for the first byte of each entry (its code); returns the length.
const fn pack(src: &[u8], out: &mut [u8]) -> usize {
    // Word numbers must stay below the first text byte (space).
    assert!(WORDS.len() < 0x20, "at most 31 shared words");
    let (mut i, mut n, mut entry_start) = (0, 0, true);
    'bytes: while i < src.len() {
        if !entry_start {
            let mut w = 0;
            while w < WORDS.len() {
                let word = WORDS[w].as_bytes();
                let mut k = 0;
                while k < word.len() && i + k < src.len() && src[i + k] == word[k] {
                    k += 1;
                }
                if k == word.len() {
                    out[n] = w as u8 + 1;
                    (n, i) = (n + 1, i + k);
                    continue 'bytes;
                }
                w += 1;
            }
        }
        out[n] = src[i];
        entry_start = src[i] == 0;
        (n, i) = (n + 1, i + 1);
    }
    n
}

const fn utf8(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("packed texts are ASCII"),
    }
}
