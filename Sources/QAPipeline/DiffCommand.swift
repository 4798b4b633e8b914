import Foundation
import QAChanges
import QADiagnostics
import QALoading
import QAModel

public struct DiffOptions: Sendable {
    public var projectRoot: String
    public var base: String
    public var head: String
    public var asOf: Day

    public init(projectRoot: String = ".", base: String, head: String = "HEAD", asOf: Day) {
        self.projectRoot = projectRoot
        self.base = base
        self.head = head
        self.asOf = asOf
    }
}

/// Compares the content at two git revisions, read from git without a checkout.
public func diff(_ options: DiffOptions) throws -> [ContentChange] {
    let git = GitRevision(project: options.projectRoot)
    let baseCommit = try git.commit(options.base), headCommit = try git.commit(options.head)
    let (config, _) = ProjectConfig.load(join(options.projectRoot, "qapress.yml"))
    func checked(_ commit: String) throws -> CheckResult {
        let files = try git.files(at: commit, contentFolder: config.contentFolder)
        return check(CheckOptions(projectRoot: ".", contentFolder: config.contentFolder, asOf: options.asOf, fileSystem: files))
    }
    let base = try checked(baseCommit), head = try checked(headCommit)
    return ContentComparison(base: base.site, head: head.site, baseProblems: base.diagnostics, headProblems: head.diagnostics, asOf: options.asOf).changes
}
