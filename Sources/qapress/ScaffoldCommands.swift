import ArgumentParser
import Foundation
import QAModel
import QAPipeline

extension Scaffold.Kind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new audit, action, indicator, briefing, review or page.",
        discussion: """
        Creates a correctly formed file with a free id and today's date in the right folder
        and prints its path. An action is added to an audit's action plan.

        Examples:
          qapress new audit "Multi-agency audit: neglect 2026"
          qapress new action "Relaunch the neglect toolkit" --audit maa-2026-neglect
          qapress new indicator "Children on a plan for neglect"
          qapress new briefing "Professional curiosity"
          qapress new review "Rapid review: a baby injured at home"
          qapress new page "Contact us"
        """
    )

    @Argument(help: "What to start: audit, action, indicator, briefing, review or page.")
    var kind: Scaffold.Kind

    @Argument(help: "Its title.")
    var title: String

    @Option(help: "For an action: the id of the audit whose plan it joins.")
    var audit: String?

    @Option(help: "The project folder holding qapress.yml and content/.")
    var project: String = "."

    func run() throws {
        do {
            print(try Scaffold.new(kind, title: title, projectRoot: project, audit: audit, today: today()))
        } catch let failure as Scaffold.Failure {
            FileHandle.standardError.write(Data("qapress new: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new partnership repository with content that passes check.",
        discussion: """
        Creates the folder with qapress.yml, a minimal content/ set, a .gitignore, and CI for
        GitHub Actions and GitLab. The default theme is used from qapress, not copied.

        Examples:
          qapress init harrowfield-qa --name "Harrowfield Safeguarding Children Partnership"
        """
    )

    @Argument(help: "The folder to create.")
    var folder: String

    @Option(help: "The partnership's name.")
    var name: String = "Our Safeguarding Children Partnership"

    func run() throws {
        do {
            let files = try Scaffold.initialise(folder, name: name, today: today())
            for file in files { print(file) }
            FileHandle.standardError.write(Data("qapress init: next, cd \(folder) && qapress check && qapress serve\n".utf8))
        } catch let failure as Scaffold.Failure {
            FileHandle.standardError.write(Data("qapress init: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
