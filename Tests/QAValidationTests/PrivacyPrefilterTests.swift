import Foundation
import QAModel
@testable import QAValidation
import QATestSupport
import Testing

/// The scanner runs a pattern only where a one-pass look at the bytes says it could match.
/// That look may let through text with no match, never the other way round: checked here by
/// running every pattern on thousands of generated texts full of near misses (years,
/// quarters, codes, dates, "pre-birth", numbers in tables) and real matches.
@Suite struct PrivacyPrefilterTests {
    static let words = ["the ", "audit ", "Q3 ", "2024-25 ", "SW1A ", "1AA", "GIR ", "0AA", "JG", "AB", " ", "  ", "-", "(", ")", "+44 ",
                        "0", "07", "12", "34", "56", "C", "D", "born", "born on", "birth", "pre-birth ", "date of birth", "DOB", "d.o.b.",
                        ": ", "\n", "12/03/2014", "2014-03-12", "3rd March 2014", "@", "a.b", "example.org", "Ltd", "B33", "8TH", "M1",
                        "1AE", "É", "٣", "943 476 5919", "JG 12 34 56 C", "AB123456D", "NI ", "born on 3rd March 2014", "DOB: 12/03/2014", "Date of birth 2014-03-12", "| 12 | 15 |", "01632 960000", "x",
                        "BORN ", "Born On ", "BiRtH", "d.ob", "Do.B", "D.O.B: ", "dob."]

    func text(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<(4 + random.below(40)) {
            if random.below(4) == 0 { text += String(random.below(100)) } else { text += random.pick(Self.words) }
        }
        return text
    }

    @Test("the scanner finds with the prefilter exactly what it finds without it")
    func prefilterIsLooser() {
        let scanner = PersonalDataScanner(settings: PrivacySettings())
        let every = Set(PrivacySettings.Check.allCases)
        var random = SplitMix64(seed: 11)
        var found: [PrivacySettings.Check: Int] = [:]
        for _ in 0..<10_000 {
            let sample = text(&random)
            let all = scanner.matches(in: sample, possible: every)
            for match in all { found[match.check, default: 0] += 1 }
            #expect(scanner.matches(in: sample) == all, "the prefilter hid a match in \(sample.debugDescription)")
        }
        // Every pattern must have matched often, or the test proves nothing.
        for check in [PrivacySettings.Check.nhsNumber, .niNumber, .postcode, .dateOfBirth, .phone, .email] {
            #expect(found[check, default: 0] > 50, "\(check) was found only \(found[check, default: 0]) times")
        }
    }

    @Test("the watch-list's byte search finds every name its patterns find, in any case and script")
    func watchListPrefilter() {
        var settings = PrivacySettings()
        settings.watchList = ["Child Zed", "Larkspur Primary", "Élodie"]
        let scanner = PersonalDataScanner(settings: settings)
        let search = WatchListSearch(settings.watchList)
        // With only ASCII names the byte search itself answers, and must say exactly whether
        // a name is there in any case.
        let ascii = WatchListSearch(["Child Zed", "Larkspur Primary", "B12 Hall"])
        let pieces = ["child zed", "CHILD ZED", "Child Zed", "Child  Zed", "larkspur", "LARKSPUR PRIMARY", "Larkspur Primary", "Larkspurprimary",
                      "élodie", "ÉLODIE", "Elodie", "Child Ze", "Zed", "the ", "at ", ", ", "\n", "– ", "“", "”", "x"]
        var random = SplitMix64(seed: 5)
        var found = 0
        for _ in 0..<5_000 {
            var sample = ""
            for _ in 0..<(2 + random.below(12)) { sample += random.pick(pieces) }
            let direct = scanner.watchPatterns.compiled.contains { $0.firstMatch(in: sample, range: NSRange(location: 0, length: (sample as NSString).length)) != nil }
            if direct { found += 1 }
            #expect(!direct || search.mayContain(sample), "the byte search hid a name in \(sample.debugDescription)")
            #expect(scanner.matches(in: sample).contains { $0.check == .watchList } == direct, "\(sample.debugDescription)")
        }
        #expect(found > 1_000, "the names were found only \(found) times")
        let asciiPieces = ["child zed", "CHILD ZED", "Child Zed", "Child  Zed", "Larkspur Primary", "LARKSPUR PRIMARY", "Larkspur Pr", "imary",
                           "b12 hall", "B12 HALL", "B1", "2 Hall", "z", "Zed", "child", "the ", "at ", ", ", "\n", "x",
                           "care ", "local ", "children ", "primary ", "hall ", "Larkspur ", "12 ", "B", "zed "]
        var asciiFound = 0
        for _ in 0..<5_000 {
            var sample = ""
            for _ in 0..<(2 + random.below(6)) { sample += random.pick(asciiPieces) }
            let folded = sample.lowercased()
            let there = ["child zed", "larkspur primary", "b12 hall"].contains { folded.contains($0) }
            if there { asciiFound += 1 }
            #expect(ascii.mayContain(sample) == there, "\(sample.debugDescription)")
        }
        #expect(asciiFound > 1_000 && asciiFound < 4_500, "the ASCII names were found \(asciiFound) times in 5,000 texts")
        #expect(!search.mayContain("Child Ze and Larkspur"))
    }

    @Test("financial years, quarters and pre-birth work do not wake the patterns")
    func ordinaryTextIsNotScanned() {
        let text = "In 2024-25 Q3 the pre-birth assessment audit looked at 12 cases; 2025-26 figures follow."
        #expect(PersonalDataScanner.possibleChecks(in: text).isEmpty)
    }
}
