import Foundation
import Testing
@testable import Investigate

/// `daily_schedule`: activity packed into the same minutes of every day (a desk's morning
/// brief) lowers risk; a scheduler firing round the clock, and a window of hours, do not.
@Suite struct DailyScheduleTests {
    typealias S = SignalTestSource

    /// Twelve accounts of one desk that all fire within seconds at 13:25 UTC on 20 days,
    /// asking for step-by-step reasoning (at ordinary length and yield).
    static func desk(_ s: inout S) {
        var rng = SeededRandom(seed: 71)
        for i in 0..<12 {
            s.account(.init(id: "dk\(i)", created: "2024-05-0\(1 + i % 9)T08:00:00Z", email: "dk\(i)@desk.example", payment: "pf-dk\(i)"))
        }
        for day in 0..<20 {
            let at = S.base + Int64(day) * S.day + (13 * 60 + 25) * 60_000
            for i in 0..<12 {
                for k in 0..<2 {
                    s.query(
                        "dk\(i)", at: at + Int64(rng.int(0...8_000)) + Int64(k) * 20_000,
                        prompt: "Reason step by step about the open: " + PromptMaker.human(&rng), input: rng.int(50...300),
                        output: rng.int(100...600), ip: "34.90.2.\(i)", asn: "AS15169", agent: "deskbrief/5.0", category: "writing")
                }
            }
        }
    }

    @Test func slotsAndTheBusiestTwentyMinutes() {
        #expect(DailyScheduleSignal.slot(0) == 0)
        #expect(DailyScheduleSignal.slot((13 * 60 + 25) * 60_000) == 80)
        #expect(DailyScheduleSignal.slot(-60_000) == 143)
        // A burst across a slot's edge is counted whole, and the day wraps at midnight.
        var slots = [Int](repeating: 1, count: 144)
        slots[80] = 50
        slots[81] = 50
        #expect(DailyScheduleSignal.topShare(slots) == 100.0 / 242.0)
        slots = [Int](repeating: 0, count: 144)
        slots[143] = 3
        slots[0] = 3
        #expect(DailyScheduleSignal.topShare(slots) == 1)
    }

    @Test func aDeskFiringAtOneMinuteADayIsLowered() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.desk(&s)
        let inv = try s.investigate()
        let signal = try #require(inv.signal("daily_schedule", of: "dk0"))
        #expect(signal.value > 0.95)
        #expect(signal.contribution < -0.25)
        #expect(signal.explanation.hasPrefix("runs on a daily schedule: "))
        #expect(signal.explanation.contains("same 20 minutes of the day (the population's busiest 20 minutes hold"))
    }

    @Test func aSchedulerRoundTheClockIsNotLowered() throws {
        var s = S()
        s.addBackground(count: 60)
        SignalLookAlikeTests.schedulerRing(&s)
        let inv = try s.investigate()
        #expect(inv.signal("daily_schedule", of: "sr0") == nil)
    }

    /// A ring working a nightly window of three hours keeps the hours, not a minute: at most a
    /// trace of the signal.
    @Test func aWindowOfHoursIsLoweredLittleIfAtAll() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 72)
        for i in 0..<10 {
            s.account(.init(id: "nw\(i)", created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "nw\(i)@gmail.com", payment: "pf-nw\(i)"))
            for day in 0..<20 {
                for _ in 0..<4 {
                    let at = S.base + Int64(day) * S.day + 1 * 3_600_000 + Int64(rng.int(0...10_799)) * 1000
                    s.query(
                        "nw\(i)", at: at, prompt: ScenarioPrompts.template(day % 2, &rng), input: 120, output: 1300,
                        ip: "92.7.\(i).3", asn: "AS3215", agent: "night-batch/1.0", category: "math")
                }
            }
        }
        let inv = try s.investigate()
        #expect((inv.signal("daily_schedule", of: "nw0")?.contribution ?? 0) > -0.05)
    }
}
