import Testing

@testable import Validation

/// E-mail rules read addresses as the W3C service does (RFC 2822 address lists, RSS author conventions).
@Suite struct EmailRuleTests {
    @Test func addressSpecs() {
        #expect(ValueRuleProbe.verdict(AddressSpec(), "jane@example.com") == "")
        #expect(ValueRuleProbe.verdict(AddressSpec(), "jane") == "InvalidAddrSpec")
        #expect(ValueRuleProbe.verdict(AddressSpec(), "jane@exa_mple.com") == "UnknownHost")
        #expect(ValueRuleProbe.verdict(AddressSpec(), "jane@localhost") == "")
    }

    @Test func contacts() {
        #expect(ValueRuleProbe.verdict(EmailAddress(), "jane@example.com (Jane Doe)") == "")
        #expect(ValueRuleProbe.verdict(EmailAddress(), "Jane Doe") == "InvalidContact")
        #expect(ValueRuleProbe.verdict(EmailAddress(), "<b>jane@example.com</b>") == "ContainsHTML,InvalidContact")
    }

    @Test func rssAuthors() {
        #expect(ValueRuleProbe.verdict(EmailWithName(), "jane@example.com") == "MissingRealName")
        #expect(ValueRuleProbe.verdict(EmailWithName(), "jane@example.com (Jane Doe)") == "")
        #expect(ValueRuleProbe.verdict(EmailWithName(), "Jane Doe <jane@example.com>") == "EmailFormat")
        #expect(ValueRuleProbe.verdict(EmailWithName(), "mailto:jane@example.com") == "MissingRealName")
        #expect(ValueRuleProbe.verdict(EmailWithName(), "Jane") == "InvalidContact")
        #expect(ValueRuleProbe.verdict(NonEmail(), "Contact <jane@example.com>") == "ContainsEmail")
        #expect(ValueRuleProbe.verdict(NonEmail(), "jane@example.com") == "")
    }

    @Test func addressLists() {
        #expect(AddressList.addresses(in: "jane@example.com (Jane Doe)").map(\.address) == ["jane@example.com"])
        #expect(AddressList.addresses(in: "Jane Doe <jane@example.com>").map(\.name) == ["Jane Doe"])
        #expect(AddressList.addresses(in: "a@b, c@d").map(\.address) == ["a@b", "c@d"])
        #expect(AddressList.addresses(in: "John Doe").map(\.address) == ["John"])
        #expect(AddressList.addresses(in: "\"x y\" <a@b>").map(\.name) == ["x y"])
    }
}
