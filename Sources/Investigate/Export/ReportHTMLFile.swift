import Crypto
import Foundation

/// `report.html`: one self-contained page for the people who act on a case. In order: a
/// summary that fits one screen (what was found, the recommended action with the counts of
/// `enforcement.csv`, accounts per tag and per cluster, who and when); evidence checks right
/// under it (what the source's load skipped, look-alike account ids: `ReportEvidenceChecks`); a section per cluster
/// holding several case accounts (signals in words, activity timeline, grouped link graph,
/// sample prompts) and one table for the rest; tags grouped by label; notes and retractions in
/// time order; the audit-chain head and how to verify the bundle.
///
/// No scripts and no external resources: a Content-Security-Policy allows only the page's one
/// style sheet, by hash. Every data string goes through `MarkupEscaping` (display form, inert).
/// Risks print with two decimals. The bytes are a pure function of the bundle input and key.
enum ReportHTMLFile {
    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;margin:0 auto;\
        padding:12px 24px;max-width:1100px}\
        h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:26px 0 8px;border-bottom:2px solid #ddd}\
        h3{font-size:15px;margin:14px 0 6px}p{margin:6px 0}\
        table{border-collapse:collapse;width:100%}\
        td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th{white-space:nowrap}\
        td.label{min-width:9em}\
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:8px 24px}\
        .lead{font-size:16px;overflow-wrap:anywhere}.action{font-size:20px;font-weight:bold;color:#b03a2e}\
        .muted,.meta,figcaption{color:#555;font-size:13px}\
        svg{display:block;width:100%;height:auto}figure{margin:6px 0}.graph{max-width:1000px}\
        ul,ol{padding-left:22px;margin:6px 0}li{overflow-wrap:anywhere}\
        .prompts li{font-family:ui-monospace,monospace;font-size:13px}\
        .text,pre{white-space:pre-wrap;overflow-wrap:anywhere}\
        pre,code{font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}pre{background:#f4f4f4;padding:6px}\
        @media print{body{max-width:none;padding:0;font-size:10pt}.cluster{break-before:page}\
        h2,h3{break-after:avoid}figure,tr,li{break-inside:avoid}}
        """

    /// The Content-Security-Policy: nothing loads or runs but the page's own style sheet.
    static var contentSecurityPolicy: String {
        let digest = Data(SHA256.hash(data: Array(style.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(digest)'; base-uri 'none'; form-action 'none'"
    }

    /// The page's heading: the case id and title (`verify` holds it to the replayed case).
    static func heading(_ info: CaseInfo) -> String {
        "<h1>Case \(ReportText.html(info.id)): \(ReportText.html(info.title))</h1>"
    }

    /// The page's `<title>`: the case id and its title cut to 80 characters.
    static func titleElement(_ info: CaseInfo) -> String {
        "<title>Case \(ReportText.html(info.id)): \(ReportText.html(ReportText.cut(info.title, 80)))</title>"
    }

    /// Everything before the page's body content, its policy included: a pure function of the
    /// case id and title (`verify` holds a bundle's page to it, `BundleReportMarkupCheck`).
    static func head(_ info: CaseInfo) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(titleElement(info))
        <style>\(style)</style>
        </head><body>

        """
    }

    /// The page's last line.
    static let end = "</body></html>\n"

    static func render(_ input: BundleInput, _ links: CaseLinks, publicKey: Curve25519.Signing.PublicKey) -> BundleFile {
        let e: (String) -> String = ReportText.html
        let info = input.snapshot.info
        let labels = input.labelIndex
        let clusters = ReportClusters(input, links)
        var html = head(info)
        html += "<header>\(heading(info))</header>\n"
        html += ReportSummary.render(input, clusters, labels: labels)
        html += ReportEvidenceChecks.section(
            load: SourceLoadRecord(input.data.report),
            lookAlikes: ReportEvidenceChecks.lookAlikes(AccountsCSVFile.proposals(input).map { ($0.id, $0.action) }))
        html += ReportClusterSections.render(input, links, clusters, labels: labels)
        html += ReportCaseRecord.tags(input.snapshot)
        html += ReportCaseRecord.journal(input.snapshot)
        html += ReportCaseRecord.audit(input, publicKey: publicKey)
        html += end
        return BundleFile(path: "report.html", bytes: Array(html.utf8), records: 1)
    }
}
