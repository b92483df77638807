// The relais command line. Each subcommand lives in its own file; this one dispatches.
#if canImport(Glibc)
  import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
exit(CLI.run(arguments))
