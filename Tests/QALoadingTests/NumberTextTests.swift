@testable import QALoading
import Testing

@Suite struct NumberTextTests {
    @Test("decimals are digits with an optional minus and one point between digits")
    func decimals() {
        for text in ["0", "7", "-7", "12.5", "-0.25", "007", "1234567890.0987654321"] {
            #expect(NumberText.isDecimal(text), "\(text)")
        }
        for text in ["", "-", ".", "1.", ".5", "-.5", "1.2.3", "--1", "+1", "1e5", "1,000", " 1", "1 ", "١٢", "１２", "1\u{301}", "1.\u{301}5", "nan", "∞"] {
            #expect(!NumberText.isDecimal(text), "\(text)")
        }
    }

    @Test("only leading zeros, colons and commas are problems, worded as before")
    func problems() {
        for text in ["0", "10", "-10", "0.5", "-0.5", "12.5", "100", "", "-", "7e3"] {
            #expect(NumberText.problem(text, plain: true) == nil, "\(text)")
        }
        #expect(NumberText.problem("010", plain: true) == "leading zeros are not allowed (YAML 1.1 reads 010 as the octal number 8); write 10")
        #expect(NumberText.problem("-007", plain: true) == "leading zeros are not allowed (YAML 1.1 reads 010 as the octal number 8); write 7")
        #expect(NumberText.problem("12:30", plain: true) == "YAML 1.1 reads values like 12:30 as base-60 numbers; write a plain number")
        #expect(NumberText.problem("1,234", plain: true) == "do not use a thousands separator; write 1234")
        // Other scripts go the long way, with the same answers.
        #expect(NumberText.problem("١٢", plain: true) == nil)
        #expect(NumberText.problem("٠١٢,٣", plain: true) == "do not use a thousands separator; write ٠١٢٣")
    }
}
