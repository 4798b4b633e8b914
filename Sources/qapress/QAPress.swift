import ArgumentParser
import Foundation
import QADiagnostics
import QALoading
import QAModel
import QAChanges
import QAPipeline
import QAServe

@main
struct QAPress: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qapress",
        abstract: "Publish a safeguarding partnership's quality-assurance content.",
        discussion: """
        Exit codes: 0 success; 1 the content has errors (or warnings, with --warnings-as-errors); \
        64 the command line was wrong.
        """,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Diff.self, Schema.self],
        defaultSubcommand: nil
    )
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension Audience: ExpressibleByArgument {}

/// Options every command that reports problems shares: how much to say, and colour.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only: no warnings, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also say what is happening and how long it took.")
    var verbose = false

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    var colour: Bool {
        (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true) && isatty(STDOUT_FILENO) == 1
    }

    func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
    }

    func text(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        let rendered = DiagnosticPrinter.render(shown(diagnostics), as: format)
        guard format == .text, colour else { return rendered }
        return rendered.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
            .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[1;33mwarning:\u{1B}[0m ")
    }

    func say(_ line: String) {
        if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    func detail(_ line: String) {
        if verbose { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        // Each command is named here: otherwise the parser works its name out from its type
        // (by reflection, which costs milliseconds) every time the program starts.
        commandName: "check",
        abstract: "Check the content and report every problem, with file, line and column.",
        discussion: """
        Examples:
          qapress check
          qapress check content --as-of 2026-03-31
          qapress check --format github --warnings-as-errors
        """
    )

    @Argument(help: "The content folder (default: the one qapress.yml names, or ./content).")
    var content: String?

    @Option(help: "The project folder holding qapress.yml.")
    var project: String = "."

    @Option(name: .customLong("as-of"), help: "Judge overdue actions as of this date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH).")
    var asOf: Day?

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Option(help: "Output format: text, json or github (GitHub Actions annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Print how long each stage took (load, model, validate) to stderr.")
    var timings = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let started = Date()
        let result = check(CheckOptions(projectRoot: project, contentFolder: content, asOf: asOf ?? today(), today: today()))
        print(output.text(result.diagnostics, as: format), terminator: "")
        if timings { FileHandle.standardError.write(Data(result.timings.report.utf8)) }
        if format == .text { output.say("qapress check: \(DiagnosticPrinter.summary(result.diagnostics))") }
        output.detail("qapress check: checked in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        let failed = result.diagnostics.hasErrors || (warningsAsErrors && !result.diagnostics.isEmpty)
        exitWithoutTeardown(failed ? 1 : 0, keeping: result)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content, then publish the website into output/site/.",
        discussion: """
        Nothing is written if the content has errors: the previous output stays as it was.
        A public build (the default) leaves out everything marked for partners or internal
        readers. --audience partners writes output/site-partners/, --audience internal
        output/site-internal/: publish those only behind authentication (docs/DEPLOY.md).

        Examples:
          qapress build
          qapress build --base-url https://example.org/scp/
          qapress build --audience partners
          SOURCE_DATE_EPOCH=1774915200 qapress build     build as of 31 March 2026
          qapress build --only website --no-pdf --timings   the website alone, with stage times
        """
    )

    @Argument(help: "The content folder (default: the one qapress.yml names, or ./content).")
    var content: String?

    @Option(help: "The project folder holding qapress.yml and themes/.")
    var project: String = "."

    @Option(help: "The output folder; the website is written to its site/ folder.")
    var output: String = "output"

    @Option(name: .customLong("build-date"), help: "Build as of this date, YYYY-MM-DD (default: qapress.yml's build_date, SOURCE_DATE_EPOCH or today).")
    var buildDate: Day?

    @Option(name: .customLong("base-url"), help: "Where the site will be published, for example https://example.org/scp/.")
    var baseURL: String?

    @Option(help: "Who the build is for: public (default), partners or internal.")
    var audience: Audience = .public

    @Flag(name: .customLong("require-pdf"), help: "Fail when the PDF engine (WeasyPrint) is not installed, instead of writing the HTML without PDFs.")
    var requirePDF = false

    @Flag(name: .customLong("no-pdf"), help: "Do not make PDFs.")
    var noPDF = false

    @Option(name: .customLong("only"), parsing: .upToNextOption,
            help: ArgumentHelp("Publish only these: website, report, briefings (the website is always built).", valueName: "part"))
    var only: [String] = []

    @Flag(help: "Print how long each stage took (load, model, validate, render, write) to stderr.")
    var timings = false

    @Option(help: "Output format for problems: text, json or github.")
    var format: DiagnosticFormat = .text

    @OptionGroup var manners: OutputOptions

    func run() throws {
        let started = Date()
        manners.say("qapress build: checking and building for a \(audience.rawValue) audience…")
        let pdf: BuildOptions.PDFMode = noPDF ? .off : (requirePDF ? .required : .auto)
        var options = BuildOptions(projectRoot: project, contentFolder: content, outputFolder: output, audience: audience,
                                   buildDate: buildDate, baseURL: baseURL, pdf: pdf)
        if !only.isEmpty { options.parts = try parts(only) }
        let result = build(options)
        print(manners.text(result.diagnostics, as: format), terminator: "")
        if timings { FileHandle.standardError.write(Data(result.timings.report.utf8)) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        if result.written {
            manners.say("qapress build: wrote \(result.fileCount) files for a \(audience.rawValue) audience to \(output)/\(siteFolder(for: audience)) in \(seconds) s (\(DiagnosticPrinter.summary(result.diagnostics)))")
        } else {
            FileHandle.standardError.write(Data("qapress build: nothing written (\(DiagnosticPrinter.summary(result.diagnostics)))\n".utf8))
        }
        exitWithoutTeardown(result.written ? 0 : 1, keeping: result)
    }
}

/// `--only website,report` or `--only website report`: the parts named, with the website.
/// Ends the process once its output is out, without taking the model apart first: freeing a
/// large partnership's millions of small values one by one took a tenth of a second or more
/// at exit, and the system takes the memory back at once anyway.
func exitWithoutTeardown<T>(_ status: Int32, keeping result: T) -> Never {
    fflush(nil)
    withExtendedLifetime(result) { exit(status) }
}

func parts(_ names: [String]) throws -> Set<BuildPart> {
    var parts: Set<BuildPart> = [.website]
    for name in names.flatMap({ $0.split(separator: ",") }) {
        guard let part = BuildPart(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValidationError("'\(name)' is not a part qapress publishes; use website, report or briefings, for example --only website")
        }
        parts.insert(part)
    }
    return parts
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Summarise what changed in QA terms between two git revisions of the content.",
        discussion: """
        Reads both revisions from git without checking anything out. Lists actions added and
        closed, status and RAG changes, due dates moved, new findings and recommendations,
        indicator values added or revised, audits moved between quarters, audience changes
        (anything that became public first) and the problems check finds in each.

        Examples:
          qapress diff main                 compare main with HEAD
          qapress diff v2025.1 v2025.2
          qapress diff origin/main HEAD --format json
        """
    )

    @Argument(help: "The older revision: a branch, tag or commit.")
    var base: String

    @Argument(help: "The newer revision (default: HEAD).")
    var head: String = "HEAD"

    @Option(help: "The project folder, inside a git repository.")
    var project: String = "."

    @Option(help: "Output: markdown (a pull-request comment) or json.")
    var format: OutputFormat = .markdown

    @Option(name: .customLong("as-of"), help: "Read action statuses as of this date, YYYY-MM-DD (default: today).")
    var asOf: Day?

    enum OutputFormat: String, ExpressibleByArgument { case markdown, json }

    func run() throws {
        let changes: [ContentChange]
        do {
            changes = try diff(DiffOptions(projectRoot: project, base: base, head: head, asOf: asOf ?? today()))
        } catch {
            FileHandle.standardError.write(Data("qapress diff: \(error)\n".utf8))
            throw ExitCode(1)
        }
        switch format {
        case .markdown: print(ChangeSummary.markdown(changes, base: base, head: head), terminator: "")
        case .json: print(ChangeSummary.json(changes, base: base, head: head), terminator: "")
        }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on this computer, rebuilding and reloading as you edit.",
        discussion: """
        Builds the site in memory (without PDFs) and serves it on http://127.0.0.1:PORT/.
        When a file in content/, themes/ or qapress.yml changes, the site is rebuilt and open
        pages reload. Problems appear in the terminal and over the page; a broken edit keeps
        the last good site up.

        Examples:
          qapress serve
          qapress serve --port 8080
        """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The project folder holding qapress.yml, content/ and themes/.")
    var project: String = "."

    @Option(name: .customLong("build-date"), help: "Build as of this date, YYYY-MM-DD (default: today).")
    var buildDate: Day?

    func run() async throws {
        let server = PreviewServer(projectRoot: project, port: port, buildDate: buildDate) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        try await server.run()
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema for each kind of content file, for editors.",
        discussion: """
        Examples:
          qapress schema audit            print the audit schema
          qapress schema --output schema  write every schema into ./schema/
          qapress schema --markdown       print the key reference for docs/CONTENT.md
        """
    )

    @Argument(help: "One kind: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")), or config.")
    var kind: String?

    @Option(help: "Write every schema into this folder as <kind>.schema.json.")
    var output: String?

    @Flag(help: "Print the key reference tables of docs/CONTENT.md instead of JSON Schema.")
    var markdown = false

    func run() throws {
        if markdown { print(KeyReferenceWriter.markdown, terminator: ""); return }
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for kind in DocumentKind.allCases {
                try JSONSchemaWriter.document(for: kind).write(toFile: output + "/\(kind.rawValue).schema.json", atomically: true, encoding: .utf8)
            }
            try JSONSchemaWriter.config.write(toFile: output + "/config.schema.json", atomically: true, encoding: .utf8)
            return
        }
        guard let kind else {
            throw ValidationError("name a kind (\(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")), config) or use --output")
        }
        if kind == "config" { print(JSONSchemaWriter.config, terminator: ""); return }
        guard let documentKind = DocumentKind(rawValue: kind) else {
            throw ValidationError("unknown kind '\(kind)'; use one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")), config")
        }
        print(JSONSchemaWriter.document(for: documentKind), terminator: "")
    }
}
