import Foundation
import Testing
@testable import Investigate

/// A trial re-signed (with a key the verifier trusts) a `report.html` without its
/// Content-Security-Policy and with a script that rewrote the page to "Case dismissed: do not
/// act", and `verify` passed; a `<meta http-equiv="refresh">` and an outside image passed too.
@Suite struct BundleReportMarkupTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The problems `verify` names in report.html after `edit`, re-signed.
    static func problems(_ s: Setup, _ edit: (String) -> String) throws -> [String] {
        try s.verify("report.html", edit).problems.filter { $0.hasPrefix("report.html: ") }
    }

    /// `page` with `planted` before its first `<h2>`.
    static func beforeFirstHeading(_ planted: String, _ page: String) -> String {
        guard let at = page.range(of: "<h2>") else { return page }
        return page.replacingCharacters(in: at, with: planted + "<h2>")
    }

    @Test func aScriptOrARemovedPolicyIsRefused() throws {
        let s = try Setup()
        let script = #"<script>document.body.innerHTML="<h1>Case dismissed: do not act</h1>"</script>"#
        let withScript = try Self.problems(s) { Self.beforeFirstHeading(script, $0) }
        #expect(withScript.contains { $0.contains("an element <script>, which the exporter never writes") }, "\(withScript)")
        let noPolicy = try Self.problems(s) { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Content-Security-Policy") }
                .joined(separator: "\n")
        }
        #expect(noPolicy.contains { $0.contains("its head (policy, style sheet, title) is not the one the exporter writes") }, "\(noPolicy)")
    }

    @Test func outsideResourcesRedirectsAndHandlersAreRefused() throws {
        let s = try Setup()
        for (planted, named) in [
            (#"<meta http-equiv="refresh" content="0;url=https://example.com/">"#, "an element <meta>"),
            (#"<img src="https://example.com/x.png">"#, "an element <img>"),
            (#"<a href="https://example.com/">details</a>"#, "an element <a>"),
            (#"<p onclick="alert(1)">x</p>"#, "an attribute onclick on <p>"),
            (#"<p style="display:none">x</p>"#, "an attribute style on <p>"),
            (#"<p class=x>x</p>"#, "attribute class on <p> not written"),
            (#"<!-- unclosed"#, "an unclosed comment"),
            // A browser ends `<!-->` at once: what follows is markup, not a comment.
            (#"<!--><meta http-equiv="refresh" content="0"> -->"#, "an element <meta>"),
            (#"<!-- x --!><img src="https://example.com/"> -->"#, "an element <img>"),
        ] {
            let found = try Self.problems(s) { Self.beforeFirstHeading(planted, $0) }
            #expect(found.contains { $0.contains(named) }, "\(planted): \(found)")
        }
    }

    @Test func aCommentAndTheExportersOwnMarkupPass() throws {
        let s = try Setup()
        let commented = try Self.problems(s) { Self.beforeFirstHeading("<!-- a reviewer's note -->", $0) }
        #expect(commented.isEmpty, "\(commented)")
        // Cut short: the end the exporter writes is missing.
        let cut = try Self.problems(s) { String($0.dropLast(8)) }
        #expect(cut.contains { $0.contains("does not end as the exporter ends it") }, "\(cut)")
    }
}
