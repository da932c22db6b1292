# femtobox in an image with nothing else: build with `make` first, then
#   DOCKER_BUILDKIT=0 docker build --network none -t femtobox .
#   docker run --rm femtobox                      # hello from scratch
#   docker run --rm femtobox /bin/cat --version
FROM scratch
COPY target/femtobox /bin/femtobox
RUN ["/bin/femtobox", "--install", "-s", "/bin"]
CMD ["/bin/echo", "hello from scratch"]
