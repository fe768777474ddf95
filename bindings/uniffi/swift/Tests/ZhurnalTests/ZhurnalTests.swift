// The Kotlin boundary tests (bindings/uniffi/kotlin), mirrored for Swift.
// Dates and times are ISO 8601 strings in Swift; decimals Foundation.Decimal.
import Foundation
import XCTest
@testable import Zhurnal

let monday = "2014-09-15"
let saturday = "2014-09-20"
let student: StudentId = 4
let father = Actor(role: .parent, id: 4)
let classTeacher = Actor(role: .classTeacher, id: 1)
let specialist = Actor(role: .administrator, id: 9)

func fixtureDir() -> URL {
    if let dir = ProcessInfo.processInfo.environment["ZHURNAL_FIXTURE_DIR"] {
        return URL(fileURLWithPath: dir)
    }
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../../../target/uniffi")
}

func open() throws -> SchoolHandle {
    let json = try String(contentsOf: fixtureDir().appendingPathComponent("school.json"), encoding: .utf8)
    return try SchoolHandle.fromJson(json: json)
}

func at(_ day: Int, _ hour: Int) -> NaiveDateTime {
    String(format: "2014-09-%02dT%02d:00:00", day, hour)
}

@discardableResult
func approveFather(_ h: SchoolHandle) throws -> ApplicationId {
    let consent = Consent(givenOn: "2014-09-18", channel: .inPerson, phone: "+7 928 000-00-04", email: nil)
    let id = try h.submitApplication(edit: Edit(actor: father, at: at(18, 18), reason: nil),
                                     applicant: .parent(4), student: student, consent: consent)
    try h.registerApplication(edit: Edit(actor: specialist, at: at(19, 10), reason: nil), id: id, number: "4/2014")
    try h.approveApplication(edit: Edit(actor: specialist, at: at(19, 10), reason: nil), id: id)
    return id
}

func lessons(_ h: SchoolHandle) throws -> [DiaryLesson] {
    try h.diaryWeek(actor: classTeacher, student: student, date: monday, today: saturday).days.flatMap { $0.lessons }
}

func code(_ error: Error) -> String? {
    switch error as? ZhurnalError {
    case let .Mark(code, _), let .Application(code, _), let .Credential(code, _), let .Journal(code, _),
         let .Handle(code, _), let .Access(code, _), let .School(code, _), let .Snapshot(code, _),
         let .Conversion(code, _), let .PasswordAlreadyRead(code, _), let .Unavailable(code, _),
         let .Other(code, _):
        return code
    case nil:
        return nil
    }
}

final class ZhurnalTests: XCTestCase {
    func testDecimalsKeepTheirScale() throws {
        let h = try open()
        let lesson = try lessons(h)[0]
        let teacher = Actor(role: .teacher, id: lesson.teacher)
        let id = try h.recordMark(edit: Edit(actor: teacher, at: at(15, 9), reason: nil), lesson: lesson.lesson,
                                  student: student, value: .points(5), workType: "answer",
                                  weight: Decimal(string: "1.5"))
        let mark = try lessons(h).first { $0.lesson == lesson.lesson }!.marks.first { $0.mark == id }!
        XCTAssertEqual(mark.weight, Decimal(string: "1.5"))
        let week = try h.diaryWeek(actor: classTeacher, student: student, date: monday, today: saturday)
        XCTAssertEqual(week.subjects.first { $0.subjectName == "Русский язык" }?.average, Decimal(5))
    }

    func testDatesAndTimes() throws {
        let h = try open()
        let week = try h.diaryWeek(actor: classTeacher, student: student, date: "2014-09-17", today: saturday)
        XCTAssertEqual(week.monday, monday)
        XCTAssertEqual(week.days[0].lessons[0].start, "08:00:00")
        XCTAssertEqual(week.term, "Q1")
    }

    func testErrorsAndCodes() throws {
        let h = try open()
        XCTAssertThrowsError(try h.diaryWeek(actor: father, student: student, date: monday, today: saturday)) {
            XCTAssertEqual(code($0), "access.parent_not_granted")
        }
        let lesson = try lessons(h)[0]
        let edit = Edit(actor: Actor(role: .teacher, id: lesson.teacher), at: at(15, 9), reason: nil)
        XCTAssertThrowsError(try h.recordMark(edit: edit, lesson: lesson.lesson, student: student,
                                              value: .points(7), workType: "answer", weight: nil)) {
            XCTAssertEqual(code($0), "mark.out_of_scale")
        }
        XCTAssertThrowsError(try h.approveApplication(edit: Edit(actor: specialist, at: at(19, 10), reason: nil), id: 4242)) {
            XCTAssertEqual(code($0), "application.unknown")
        }
        XCTAssertThrowsError(try h.exportFor(actor: classTeacher, on: saturday)) {
            XCTAssertEqual(code($0), "handle.export_not_for_role")
        }
        XCTAssertThrowsError(try SchoolHandle.fromJson(json: "{}")) {
            XCTAssertTrue(code($0)?.hasPrefix("snapshot.") ?? false)
        }
    }

    func testParentNeedsAnApprovedApplicationAndTheExportReadsOffline() throws {
        let h = try open()
        try approveFather(h)
        let online = try h.diaryWeek(actor: father, student: student, date: monday, today: saturday)
        XCTAssertEqual(online.studentName, "Гаврилова Полина Сергеевна")
        let offline = try SchoolHandle.fromJson(json: h.exportFor(actor: father, on: saturday))
        XCTAssertEqual(try offline.exportPerson(), father)
        XCTAssertEqual(try offline.diaryWeek(actor: father, student: student, date: monday, today: saturday), online)
        XCTAssertThrowsError(try offline.recordMark(edit: Edit(actor: specialist, at: at(20, 9), reason: nil),
                                                    lesson: 1, student: student, value: .pass, workType: "answer", weight: nil)) {
            XCTAssertEqual(code($0), "handle.read_only_export")
        }
    }

    func testCredentialSlipGivesThePasswordOnce() throws {
        let h = try open()
        let id = try approveFather(h)
        let issued = try h.issueCredentials(edit: Edit(actor: specialist, at: at(19, 11), reason: nil), id: id)
        let slip = try XCTUnwrap(issued.slip)
        let password = try slip.takePassword()
        XCTAssertThrowsError(try slip.takePassword()) { XCTAssertEqual(code($0), "ffi.password_already_read") }
        XCTAssertEqual(try h.logIn(login: issued.login, password: password, on: saturday), .activated(on: saturday))
    }

    func testConcurrentWritesThroughOneHandle() throws {
        let h = try open()
        let week = try lessons(h)
        let chosen = Array(week.prefix(8))
        let before = chosen.map { $0.marks.count }
        let audit = try h.auditOfStudent(actor: classTeacher, student: student).count
        let writes = 10_000
        DispatchQueue.concurrentPerform(iterations: chosen.count) { i in
            let edit = Edit(actor: Actor(role: .teacher, id: chosen[i].teacher), at: at(15, 9), reason: nil)
            for n in 0..<writes {
                _ = try? h.recordMark(edit: edit, lesson: chosen[i].lesson, student: student,
                                      value: .points(UInt8(2 + n % 4)), workType: "answer", weight: nil)
            }
        }
        let after = try lessons(h)
        for (i, l) in chosen.enumerated() {
            XCTAssertEqual(after.first { $0.lesson == l.lesson }!.marks.count, before[i] + writes)
        }
        XCTAssertEqual(try h.auditOfStudent(actor: classTeacher, student: student).count, audit + chosen.count * writes)
    }

    func testDiaryWeekBenchmark() throws {
        let h = try open()
        try approveFather(h)
        for _ in 0..<3_000 { _ = try h.diaryWeek(actor: father, student: student, date: monday, today: saturday) }
        let calls = 20_000
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { _ = try h.diaryWeek(actor: father, student: student, date: monday, today: saturday) }
        let perCall = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(calls) / 1000
        print(String(format: "BENCH diary week from Swift: %.1f us/call", perCall))
    }
}
