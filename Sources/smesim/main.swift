import Foundation
import SmesimCLI

exit(Smesim.main(Array(CommandLine.arguments.dropFirst())))
