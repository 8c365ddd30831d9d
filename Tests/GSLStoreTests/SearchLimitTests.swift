import GSLCore
import GSLStore
import GSLTestSupport
import Testing

/// A search of many words is answered or refused with a message, never with SQLite's
/// "Expression tree is too large".
@Suite struct SearchLimitTests {
    @Test func manyWordsAreRefusedWithAMessage() throws {
        let store = try Store(inMemory: Store.coreMigrations)
        let search = SearchRepository(store: store)
        let words = (0..<1000).map { "融资担保第\($0)号" }
        #expect {
            try search.search(words.joined(separator: " "), entity: nil, limit: 10)
        } throws: { e in
            let g = e as! GSLError
            return g.kind == .usage && g.cause == .searchTooManyWords && g.mentions("1000")
                && g.mentions("\(SearchRepository.maxTerms)")
        }
    }

    @Test func theMostWordsAllowedStillRun() throws {
        let store = try Store(inMemory: Store.coreMigrations)
        let search = SearchRepository(store: store)
        let long = (0..<SearchRepository.maxTerms).map { "宁波市甬联融资担保公司第\($0)号" }
        #expect(try search.search(long.joined(separator: " "), entity: nil, limit: 10).isEmpty)
        let short = (0..<SearchRepository.maxTerms).map { _ in "甬" }
        #expect(try search.search(short.joined(separator: " "), entity: nil, limit: 10).isEmpty)
    }
}
