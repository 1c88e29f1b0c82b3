/// Which source each cluster tag of a case was made on. Cluster ids (`c3`) are numbers of one
/// source's ranking, so a cluster tag holds only on the source it was made on: the console
/// records that source's fingerprint with every tag it writes (`source_fingerprint` in the
/// `tag.add` entry); `case tag --cluster ID --source DIR` records the folder only, which holds
/// on DIR; a tag that records neither is taken to be made on the case's own source, and holds
/// nowhere when the case has none. Account and value tags are exact ids and hold everywhere.
///
/// The console shows another source's cluster tags apart, and an export applies only the
/// cluster tags made on the source it exports from.
///
/// The same files are numbered anew by another version of the engine (clusters are formed and
/// ranked by its rules), so a cluster id holds only under the numbering it was made with: every
/// writer records `clusterNumbering` (`cluster_numbering` in the entry), and a cluster tag whose
/// entry records another numbering, or none (written before numberings were recorded), holds
/// nowhere. A trial's `benign` tag on c14 (a 110-student course) would otherwise have fallen on
/// whatever cluster the next build numbered c14.
///
/// A fingerprint reads only each file's name, size and two 16 KiB ends, and the same files with
/// rows reordered are numbered anew: so every writer also records the tagged cluster's exact
/// members (`ClusterMembers`, `cluster_members.cN` in the entry), and a cluster tag holds only
/// where the cluster of its id has exactly those members. A cluster tag written before members
/// were recorded holds nowhere (tagging the cluster again records them).
public struct ClusterTagSources: Sendable {
    /// Whether a cluster tag holds on the source in use, or why not.
    public enum Standing: Hashable, Sendable {
        /// Made on this source, under this numbering, on exactly the members its id names here.
        case holds
        /// Made on another source (or one not known), or no source is in use.
        case otherSource
        /// Made under another version's cluster numbering, or an unrecorded one.
        case otherNumbering
        /// Its entry records no members (written before members were recorded).
        case membersUnrecorded
        /// The cluster of its id here has other members than when it was tagged.
        case membersDiffer
        /// Made on this source, under this numbering, with members recorded, but the members of
        /// this source's clusters are not known yet (the console before the load ends): it
        /// neither holds nor has moved, yet.
        case membersUnchecked
    }

    /// One cluster tag: its target and label.
    public struct Key: Hashable, Sendable {
        public var target: ExactText
        public var label: String
        /// Creates a key.
        public init(target: ExactText, label: String) {
            self.target = target
            self.label = label
        }
    }

    /// The fingerprint of the source each cluster tag was last added on; nil when unknown.
    public let madeOn: [Key: String?]
    /// The folder each cluster tag was last added on, when its entry names one.
    public let madeInFolder: [Key: String]
    /// The source in use (nil: none known, and no cluster tag holds).
    public let current: CaseSource?
    /// The members each cluster tag was last added on, when its entry records them.
    public let recordedMembers: [Key: ClusterMembers]
    /// Each cluster tag's standing on the source in use.
    public let standings: [Key: Standing]

    /// The numbering of this engine's clusters: `clusterRules`, with the tool's version.
    public static var clusterNumbering: String { "\(InvestigateVersion.string)/\(clusterRules)" }

    /// Bumped whenever how clusters are formed or ranked changes. It was the snapshot format's
    /// number up to format 15, which is why it starts there; a change to the snapshot's layout
    /// alone (format 16: a column dropped) keeps every cluster where it was, so it keeps the
    /// tags made on them. 16: a prompt asking for "reasoning" or a justified step counts as
    /// asking for reasoning (`ReasoningLexicon.standard`), and the population's share it is read
    /// against is the mean account's (`PopulationBaseline`): both move risks and the ranking.
    /// 17: risks (and so ranks) move with the harvest credit's yield band (`HarvestReturn`).
    /// 18: a one-off event of established accounts (most of their queries in one 48-hour window) has
    /// part of its risk damped (`OneEventGate`).
    /// 19 (session 21): a prompt worded with the idioms of a reasoning request ("each step", "show
    /// your working", "think out loud", ...) counts as asking for reasoning
    /// (`ReasoningLexicon.standard`), and prompts paired across models from two accounts
    /// (`paired_prompts`) add risk and count as harvest content (`HarvestContentGate`).
    /// 20 (session 22): a template family whose holders clustering leaves apart (a course's, a
    /// plugin's) is credited by `template_share` only as far as it is gathered (`TemplateFamilyReach`).
    /// 21 (session 23): accounts whose emails deliver to one mailbox share a value
    /// (`LinkKind.mailbox`) that with a second kind of evidence links them, so clusters merge; `creation_burst` counts every wave of
    /// sign-ups, not only the densest (`CreationBurstSignal.waves`), so risks and ranks move.
    /// 22 (session 24): activity packed into the same 20 minutes of every day lowers risk
    /// (`DailyScheduleSignal`), and a cluster asking for reasoning is not damped as coordination
    /// alone when its answers are of ordinary length (`HarvestContentGate`): risks and ranks move.
    /// 23 (session 25): hosting traffic is counted over a wider list of hosting ASNs (`HostingASNs`),
    /// and an ASN written `AS 16509` is the value `AS16509`: `infrastructure`'s share and the ASN
    /// links move, and with them risks and ranks.
    /// 24 (session 26): a job firing at the same second of most hours (or days) is a clock whose
    /// meetings are expected (`CoActivity.expectedByClocks`, `collapsingClocks`), and co-firing
    /// twice as surprising as a link must be links a pair alone (`EvidenceWeights.countedTiming`):
    /// clusters form and split differently.
    /// 25 (sessions 27 and 29): an organisation's payer counts when most members it pays for
    /// harvest (`OrganisationHarvest`; session 27 left the number as it was), and members that
    /// changed hands add risk and lose their age's credit (`HandoverSignal`): risks and ranks move.
    /// 26 (session 30): a reasoning prompt's frame is a template band (`PromptDigest`): clusters
    /// form anew.
    /// 27 (session 31): more hosting, VPN and bulletproof ASNs (`HostingASNs`): `infrastructure`'s
    /// share, and with it risks and ranks, move; template families leave out the words of a
    /// reasoning request and read a word holding a digit (a nonce) as `0` (`PromptDigest`): clusters
    /// form anew.
    /// 28 (session 32): two or more datacenter IPs that the same accounts hold together count past
    /// a kind's half a link (`ServerPools`): clusters form anew.
    /// 29 (session 33): harvest credit reads a cluster's output ratio against the median
    /// account's, not the pooled one that one row could raise (`PopulationBaseline.outputRatio`):
    /// risks and ranks move.
    /// 30 (session 33): human follow-ups count only beyond the rate at which members' other
    /// prompts are followed the same way (`HumanFollowUps`), and a linked group's reasoning is read
    /// by volume too (`ReasoningElicitationSignal`): risks and ranks move.
    /// 31 (session 33): timing reads only the rows in the population's activity window
    /// (`ActivityWindow`): on a source with rows a year's silence away from the rest, clusters
    /// may form anew (elsewhere nothing moves).
    /// 32 (session 34): a short wrapper's reasoning frame stops where its request stops
    /// (`PromptDigest`): template families, links and clusters move.
    /// 33 (session 34): members rotating through a private pool of addresses in many networks
    /// add risk (`AddressRotationSignal`): risks and ranks move.
    /// 34 (session 35): differently spelled IPv6 addresses of one /48, and IPv4-mapped ones with
    /// the plain IPv4 /24, share one network (`IPNetwork`): subnet links, clusters and ranks move.
    /// 35 (session 38): an account id written with spaces around it is another account than the
    /// one written without them (`FieldParsing.accountIDRange`): accounts and clusters move.
    /// 36 (session 39): prompts' words, frames and exact bits read them without default-ignorable
    /// characters (`PromptDigest`, `DefaultIgnorables`), a client string links without them and an
    /// IP address links however it is written (`SpellingKeys`): families, links and clusters move.
    /// 37 (session 39): look-alike letters mixed into Latin words (`pаy` with a Cyrillic `а`) read
    /// as the ASCII ones in prompts and client strings (`MixedScriptFolding`): families and links move.
    /// 38 (session 40): a shared ASN or client counts less for the account that sends only a part
    /// of its traffic with it (`ContextUse`), and one-account clients of one product link by their
    /// family (`LinkKind.clientFamily`): links and clusters move.
    /// 39 (session 41): eight differently worded prompts in one band make a family however many
    /// other prompts the account sends (`TemplateFamilies.habitCount`), and the template and
    /// reasoning signals read volume and harvest on reasoning queries (chaff-robust): families,
    /// links, clusters and ranks move.
    /// 40 (session 42): one-account client strings that share no product of their own link by their
    /// shape (`ClientShape`: a product varied per account, a tag put first, a common product
    /// tagged per account): links and clusters move.
    /// 41 (session 44): a template family's holders gather only in groups of three
    /// (`TemplateFamilyReach`): risks and ranks move.
    /// 42 (session 44): accounts sharing two or more reasoning questions link by them
    /// (`LinkKind.question`): links and clusters move.
    /// 43 (session 46): shared sittings are timing evidence (`CoActivity.sittings`, proposed by
    /// `SittingCandidates`), and `template_share` counts members sharing any family with another
    /// member: links, clusters, risks and ranks move.
    /// 44 (session 49): answers far longer than the population's count as harvest whatever their
    /// yield (`HarvestReturn.volumeCredit`): risks and ranks move.
    /// 45 (session 50): one subject lowers the risk less as far as the cluster's reasoning is
    /// harvested (`OneSubjectHarvest`): risks and ranks move.
    static let clusterRules = 45

    /// The audit context a cluster tag's write records: where it was made (`via`: "console", or the
    /// folder a command was given), the source's path and fingerprint, and the clusters' numbering.
    public static func context(madeOn source: CaseSource, via: String) -> [String: String] {
        ["source": via, "source_path": source.path, "source_fingerprint": source.fingerprint, "cluster_numbering": clusterNumbering]
    }

    /// The audit context recording the exact members of each tagged cluster (`cluster_members.cN`).
    public static func membersContext(_ clusters: [String: ClusterMembers]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: clusters.map { (ClusterMembers.key(cluster: $0.key), $0.value.recorded) })
    }

    /// Reads the case's audit trail against the source in use, whose clusters' members
    /// `members` gives by id (nil: no such cluster; no lookup at all: not known yet, and the tags
    /// it would decide are `.membersUnchecked`). Called once per tagged cluster id.
    public init(_ snapshot: CaseSnapshot, current: CaseSource?, members: ((String) -> ClusterMembers?)? = nil) {
        self.current = current
        var out: [Key: String?] = [:]
        var folders: [Key: String] = [:]
        var recorded: [Key: ClusterMembers] = [:]
        var otherNumbering = Set<Key>()
        let caseSource = snapshot.source
        for entry in snapshot.audit where entry.action == "tag.add" {
            guard let clusters = entry.detail["clusters"]?.arrayValue, let label = entry.detail["label"]?.stringValue
            else { continue }
            // Made under another numbering (or an unrecorded one): its ids name other clusters here.
            // Its members are still what the tag was made on, which a verifier (any version)
            // bounds an account's labels by.
            guard entry.detail["cluster_numbering"]?.stringValue == Self.clusterNumbering else {
                for item in clusters {
                    guard let target = ExactText(json: item) else { continue }
                    let key = Key(target: target, label: label)
                    out[key] = .some(nil)
                    otherNumbering.insert(key)
                    recorded[key] = Self.members(recordedIn: entry, cluster: target)
                }
                continue
            }
            var fingerprint = entry.detail["source_fingerprint"]?.stringValue
            if fingerprint == nil, let folder = entry.detail["source"]?.stringValue, folder != "console" {
                fingerprint = CaseSource.absolute(folder) == current?.path ? current?.fingerprint : nil
            } else if fingerprint == nil {
                fingerprint = caseSource?.fingerprint
            }
            let source = entry.detail["source"]?.stringValue
            let folder = entry.detail["source_path"]?.stringValue ?? (source == "console" ? nil : source)
            for item in clusters {
                guard let target = ExactText(json: item) else { continue }
                let key = Key(target: target, label: label)
                out[key] = .some(fingerprint)
                folders[key] = folder
                otherNumbering.remove(key)
                recorded[key] = Self.members(recordedIn: entry, cluster: target)
            }
        }
        madeOn = out
        madeInFolder = folders
        recordedMembers = recorded
        var here: [String: ClusterMembers?] = [:]
        var standings: [Key: Standing] = [:]
        for (key, made) in out {
            if otherNumbering.contains(key) { standings[key] = .otherNumbering; continue }
            guard let current, let made, made == current.fingerprint else { standings[key] = .otherSource; continue }
            guard let tagged = recorded[key] else { standings[key] = .membersUnrecorded; continue }
            guard let members else { standings[key] = .membersUnchecked; continue }
            let id = key.target.utf8String ?? ""
            if here[id] == nil { here[id] = .some(members(id)) }
            standings[key] = here[id] == .some(tagged) ? .holds : .membersDiffer
        }
        self.standings = standings
    }

    /// The members a `tag.add` entry records for `cluster`, or nil.
    static func members(recordedIn entry: AuditEntry, cluster: ExactText) -> ClusterMembers? {
        cluster.utf8String
            .flatMap { entry.detail[ClusterMembers.key(cluster: $0)]?.stringValue }
            .flatMap(ClusterMembers.init(recorded:))
    }

    /// The standing of `tag` on the source in use: an account or value tag always holds; a
    /// cluster tag holds only when made on this source, under this numbering, on exactly the
    /// members its id names here.
    public func standing(_ tag: CaseTag) -> Standing {
        guard tag.kind == .cluster else { return .holds }
        return standings[Key(target: tag.target, label: tag.label)] ?? .otherSource
    }

    /// Whether `tag` holds on the source in use (`standing` is `.holds`).
    public func holds(_ tag: CaseTag) -> Bool { standing(tag) == .holds }
}
