import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Whether work is spread over the cores: `QAPRESS_THREADS=1` runs everything on one thread,
/// to compare outputs across thread counts (they must be identical) or to profile simply.
public let parallelismAllowed: Bool = {
    guard let value = getenv("QAPRESS_THREADS") else { return true }
    return String(cString: value) != "1"
}()

extension Array {
    /// `map` across every core, keeping the order of the elements, so its result is the
    /// same as `map`'s whatever the number of threads. `transform` must be safe to run on
    /// several elements at once.
    public func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1, parallelismAllowed else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let slots = UnsafeSlots(base: buffer.baseAddress!)
                self.withUnsafeBufferPointer { elements in
                    let input = UnsafeInput(base: elements.baseAddress!)
                    let work = UncheckedWork(transform: transform)
                    DispatchQueue.concurrentPerform(iterations: count) { index in
                        (slots.base + index).initialize(to: work.transform(input.base[index]))
                    }
                }
                initialized = count
            }
        }
    }
}

/// Each thread writes only its own slot, so sharing the pointer is safe.
private struct UnsafeSlots<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T> }
private struct UnsafeInput<T>: @unchecked Sendable { let base: UnsafePointer<T> }
private struct UncheckedWork<Element, T>: @unchecked Sendable { let transform: (Element) -> T }

/// Works out three independent values side by side (on one thread when parallelism is off).
public func inParallel<A, B, C>(_ a: () -> A, _ b: () -> B, _ c: () -> C) -> (A, B, C) {
    var first: A?, second: B?, third: C?
    // The three pointers are valid for as long as the jobs run: each is made for the whole
    // of the closure that runs them, not for one call.
    withUnsafeMutablePointer(to: &first) { first in
        withUnsafeMutablePointer(to: &second) { second in
            withUnsafeMutablePointer(to: &third) { third in
                let slots = UnsafeTriple(first: first, second: second, third: third)
                withoutActuallyEscaping(a) { a in
                    withoutActuallyEscaping(b) { b in
                        withoutActuallyEscaping(c) { c in
                            let work = UncheckedWork<Int, Void>(transform: { index in
                                switch index {
                                case 0: slots.first.pointee = a()
                                case 1: slots.second.pointee = b()
                                default: slots.third.pointee = c()
                                }
                            })
                            if parallelismAllowed {
                                DispatchQueue.concurrentPerform(iterations: 3) { work.transform($0) }
                            } else {
                                for index in 0..<3 { work.transform(index) }
                            }
                        }
                    }
                }
            }
        }
    }
    return (first!, second!, third!)
}

/// Each of the three jobs writes only its own value.
private struct UnsafeTriple<A, B, C>: @unchecked Sendable {
    let first: UnsafeMutablePointer<A?>, second: UnsafeMutablePointer<B?>, third: UnsafeMutablePointer<C?>
}

/// A value handed from one thread to another: one sets it, or lets go of it, and the other
/// reads it only after waiting for that thread, so they never touch it at once.
public final class Carrier<Value>: @unchecked Sendable {
    public var value: Value?
    public init(_ value: Value? = nil) { self.value = value }
}

extension Collection where Element: Comparable {
    /// Whether the elements are in ascending order already (equal neighbours allowed): one
    /// look through, so a list that usually arrives sorted is sorted only when it is not.
    /// Inlinable, so that it is specialised for the caller's element type: the generic
    /// version walked a `Zip2Sequence` through protocol witnesses, some milliseconds over the
    /// paths of 10,000 documents while one core is idle.
    @inlinable
    public var isSortedAscending: Bool {
        var previous = startIndex
        guard previous != endIndex else { return true }
        var current = index(after: previous)
        while current != endIndex {
            if self[current] < self[previous] { return false }
            previous = current
            formIndex(after: &current)
        }
        return true
    }
}
