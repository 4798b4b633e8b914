import Testing
@testable import QALoading

/// The front-matter split and the YAML composer are hand-written for speed; these pin what
/// they give for the shapes a file can take.
@Suite struct FrontMatterTests {
    func split(_ text: String) -> String {
        switch FrontMatter.split(text, path: "x.md") {
        case let .success(fm): return "yaml=\(fm.yaml.debugDescription) body=\(fm.body.debugDescription) bodyLine=\(fm.bodyLine)"
        case let .failure(d): return d.code
        }
    }

    @Test("front matter and body are cut at the marker lines, without the file's last line break")
    func shapes() {
        #expect(split("---\na: 1\n---\nbody\n") == #"yaml="a: 1" body="body" bodyLine=4"#)
        #expect(split("---\na: 1\n---\nbody") == #"yaml="a: 1" body="body" bodyLine=4"#)
        #expect(split("---\na: 1\n---") == #"yaml="a: 1" body="" bodyLine=4"#)
        #expect(split("---\n---\n") == #"yaml="" body="" bodyLine=3"#)
        #expect(split("---  \na: 1\nb: 2\n...\t\nx\n\n") == #"yaml="a: 1\nb: 2" body="x\n" bodyLine=5"#)
        #expect(split("---\na: 1\n---\n\n") == #"yaml="a: 1" body="" bodyLine=4"#)
        #expect(split("---\na: 'é'\n---\n# Tête\n") == ##"yaml="a: \'é\'" body="# Tête" bodyLine=4"##)
    }

    @Test("a file without front matter, or with it never closed, is a clear error")
    func problems() {
        #expect(split("") == "empty-file")
        #expect(split("\n") == "no-front-matter")
        #expect(split("# Title\n") == "no-front-matter")
        #expect(split("---") == "unclosed-front-matter")
        #expect(split("---\na: 1\n-- \n") == "unclosed-front-matter")
    }

    @Test("the composer keeps text, styles and places, and refuses repeated keys and aliases")
    func composer() throws {
        guard case let .tree(tree) = YAMLReader.read("a: 1\nb: 'two'\nc:\n  - x\n  - |\n    y\n"), let root = tree.root else { Issue.record("not read"); return }
        guard tree.kind(root) == .mapping else { Issue.record("not a mapping"); return }
        let summary = tree.pairs(root).map { key, value -> String in
            let mark = tree.mark(value)
            switch tree.kind(value) {
            case .scalar: return "\(tree.scalar(key)!)=\(tree.scalar(value)!.debugDescription)@\(mark.line):\(mark.column)/\(tree.style(value))"
            case .sequence: return "\(tree.scalar(key)!)=[\(tree.items(value).compactMap { tree.scalar($0)?.debugDescription }.joined(separator: ","))]@\(mark.line):\(mark.column)"
            case .mapping: return "mapping"
            }
        }
        #expect(summary == [#"a="1"@1:4/plain"#, #"b="two"@2:4/singleQuoted"#, #"c=["x","y\n"]@4:3"#])
        guard case let .refused(line, column, problem, code) = YAMLReader.read("a: 1\nb: 2\na: 3\n", lineOffset: 1) else { Issue.record("not refused"); return }
        #expect("\(line):\(column) \(code) \(problem)" == "3:1 duplicate-key duplicate key 'a': it is already set on line 2; keep only one of them")
        // Repeated keys are found in short mappings (compared one by one) and long ones (hashed).
        for (count, repeats) in [(10, ["k1", "k3", "k10"]), (30, ["k3", "k16", "k17", "k30"])] {
            let keys = (1...count).map { "k\($0): \($0)\n" }.joined()
            for repeated in repeats {
                guard case let .refused(at, column, problem, code) = YAMLReader.read(keys + "\(repeated): again\n") else { Issue.record("\(repeated) not refused"); return }
                #expect("\(at):\(column) \(code) \(problem)" == "\(count + 1):1 duplicate-key duplicate key '\(repeated)': it is already set on line \(repeated.dropFirst()); keep only one of them")
            }
        }
        let keys = (1...30).map { "k\($0): \($0)\n" }.joined()
        guard case .tree = YAMLReader.read(keys) else { Issue.record("thirty different keys refused"); return }
        guard case let .refused(_, _, _, aliasCode) = YAMLReader.read("a: &x 1\nb: *x\n") else { Issue.record("alias not refused"); return }
        #expect(aliasCode == "yaml-alias")
        guard case .askYams = YAMLReader.read("a: [1\n") else { Issue.record("syntax error not passed to Yams"); return }
    }
}
