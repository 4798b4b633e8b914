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
