import Foundation

/// A place in a content file: `path:line:col`, 1-based. Line 0 means "the whole file".
///
/// Every decoded value, model item, reference and link carries one, so it is kept small and
/// plain: the file as a number in `SourcePaths` (each path is numbered once, for the life of
/// the process) with the line and column. Copying a location copies twelve bytes and counts
/// no references, where a path of its own would make every copy of every value retain and
/// release a string.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's number in `SourcePaths`.
    public private(set) var file: SourcePaths.Number
    private var storedLine: Int32
    private var storedColumn: Int32

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.init(file: SourcePaths.shared.number(path), line: line, column: column)
    }

    /// A place in the file numbered `file`, without looking its path up.
    public init(file: SourcePaths.Number, line: Int = 1, column: Int = 1) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public var path: String {
        get { SourcePaths.shared.path(file) }
        set { file = SourcePaths.shared.number(newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Another place in the same file.
    public func at(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file == b.file { return (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn) }
        return (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// The paths of the files that locations point into, each numbered once for the life of the
/// process, so that equal paths have equal numbers.
///
/// Numbering takes a lock; reading a path back does not. The paths are kept in blocks that
/// never move and are never freed, and a number is only handed out once its path is stored,
/// so any thread that holds a location can read its path.
public final class SourcePaths: @unchecked Sendable {
    public typealias Number = UInt32

    public static let shared = SourcePaths()

    static let blockSize = 4096
    static let blockCount = 4096

    private let lock = NSLock()
    private var numbers: [PathKey: Number] = [:]
    private var count = 0
    /// `blockCount` pointers to blocks of `blockSize` paths, each made when first needed.
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>

    private init() {
        blocks = .allocate(capacity: Self.blockCount)
        blocks.initialize(repeating: nil, count: Self.blockCount)
    }

    /// The number of `path`, given it the first time it is seen.
    public func number(_ path: String) -> Number {
        // Hashed before the lock is taken: the threads loading files wait for each other only
        // while a number is looked up, not while a path is hashed.
        let key = PathKey(path)
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[key] { return known }
        // Past the last block (sixteen million different paths), the last number is reused:
        // a location then shows the wrong file, but nothing breaks.
        guard count < Self.blockSize * Self.blockCount else { return Number(count - 1) }
        let block = count / Self.blockSize
        if blocks[block] == nil { blocks[block] = .allocate(capacity: Self.blockSize) }
        (blocks[block]! + count % Self.blockSize).initialize(to: path)
        let number = Number(count)
        count += 1
        numbers[key] = number
        return number
    }

    /// A path with its hash worked out once, outside the lock.
    private struct PathKey: Hashable {
        let path: String
        let hash: Int

        init(_ path: String) {
            self.path = path
            hash = path.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: PathKey, b: PathKey) -> Bool { a.hash == b.hash && a.path == b.path }
    }

    /// The path numbered `number`.
    public func path(_ number: Number) -> String {
        let index = Int(number)
        return blocks[index / Self.blockSize]![index % Self.blockSize]
    }
}
