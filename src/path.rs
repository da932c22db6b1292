//! File names as GNU's basename and dirname see them (gnulib's
//! `last_component`, `base_name`, `dir_len`; on Linux `//` is no root of
//! its own). Pure.

/// Where the last component of `name` starts (after its last run of
/// slashes that something follows); its length for all slashes.
fn last(name: &[u8]) -> usize {
    let (mut base, mut slash) = (0, true);
    for (i, &c) in name.iter().enumerate() {
        if c == b'/' {
            slash = true;
        } else if slash {
            (base, slash) = (i, false);
        }
    }
    if slash && base == 0 && name.first() == Some(&b'/') {
        name.len()
    } else {
        base
    }
}

/// gnulib's last_component: the last name in `name` with the slashes
/// after it (empty for slashes only).
pub fn last_component(name: &[u8]) -> &[u8] {
    name.get(last(name)..).unwrap_or_default()
}

/// What GNU's `dirname` prints for `name` (`.` when this is empty): the
/// name without its last component and the slashes before it, but a
/// leading slash is kept.
#[inline(never)]
pub fn dir_len(name: &[u8]) -> usize {
    let keep = (name.first() == Some(&b'/')) as usize;
    let mut len = last(name);
    while len > keep && name.get(len - 1) == Some(&b'/') {
        len -= 1;
    }
    len
}

/// What GNU's `basename` prints for `name`: its last component without
/// trailing slashes (`/` for a name of slashes only), less `suffix` when
/// that is a proper suffix of it (never for `/`).
#[inline(always)]
pub fn base<'a>(name: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    let rest = name.get(last(name)..).unwrap_or_default();
    let end = rest.len() - rest.iter().rev().take_while(|&&c| c == b'/').count();
    if end == 0 {
        // Empty, or slashes only: "" or "/".
        return name.get(..name.len().min(1)).unwrap_or_default();
    }
    let r = rest.get(..end).unwrap_or_default();
    match r.len().checked_sub(suffix.len()) {
        Some(keep) if keep > 0 && crate::text::eq(r.get(keep..).unwrap_or_default(), suffix) => r.get(..keep).unwrap_or_default(),
        _ => r,
    }
}
