package org.zhurnal.ffi

import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import java.time.LocalDateTime
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The bad-input catalogue (tests/conformance/catalogue.jsonl) run through
 * the Kotlin bindings: every entry gives its coded error, with a short
 * message, and leaves the school as it was. Entries this API cannot
 * express are counted apart: the plan's text and the region files (no
 * Kotlin API), and mark texts that are no `MarkValue` (the type refuses
 * them before any call).
 */
class ConformanceTest {
    private val dir = File(System.getProperty("zhurnal.conformance"))
    private val base: String by lazy { File(dir, "school-v1.json").readText() }

    /** An entry the Kotlin API cannot express, with the reason. */
    private class NotExpressible(why: String) : Exception(why)

    @Test
    fun everyBadInputGivesItsCodeAndChangesNothing() {
        val entries = File(dir, "catalogue.jsonl").readLines()
            .filter { it.isNotBlank() && !it.startsWith("//") }
            .map { JSONObject(it) }
        val failures = mutableListOf<String>()
        val skipped = sortedMapOf<String, Int>()
        var held = 0
        for (entry in entries) {
            try {
                run(entry)?.let { failures += "${entry.getString("name")}: $it" } ?: held++
            } catch (e: NotExpressible) {
                skipped.merge(e.message ?: "", 1, Int::plus)
            }
        }
        println("$held of ${entries.size} bad inputs held in Kotlin; not expressible here: $skipped")
        assertTrue(failures.isEmpty(), failures.joinToString("\n"))
        assertTrue(held >= MIN_ENTRIES, "$held entries run in Kotlin")
        assertEquals(entries.size, held + skipped.values.sum())
    }

    /** How the entry failed its expectation, or null. */
    private fun run(entry: JSONObject): String? {
        val op = entry.getString("op")
        val code = entry.getString("code")
        val args = entry.getJSONObject("args")
        if (op in listOf("plan", "activation_csv", "term_grades_csv")) throw NotExpressible("$op: no Kotlin API")
        val school = SchoolHandle.fromJson(base)
        val setup = entry.optJSONArray("setup") ?: JSONArray()
        for (i in 0 until setup.length()) {
            val step = setup.getJSONObject(i)
            call(school, step.getString("op"), step.getJSONObject("args"))
        }
        val before = school.toJson()
        try {
            if (op == "load") SchoolHandle.fromJson(text(args.getJSONObject("input"))) else call(school, op, args)
        } catch (e: ZhurnalException) {
            val got = e.javaClass.getMethod("getCode").invoke(e) as String
            return when {
                school.toJson() != before -> "the school changed"
                got != code -> "gave $got (${e.message}), expected $code"
                (e.message ?: "").length > MAX_MESSAGE -> "a message of ${e.message?.length} characters"
                else -> null
            }
        }
        return "accepted, expected $code"
    }

    private fun call(h: SchoolHandle, op: String, a: JSONObject) {
        when (op) {
            "record_mark" -> h.recordMark(edit(a), a.getInt("lesson").toUInt(), a.getInt("student").toUInt(),
                mark(a.getString("value")), a.getString("work_type"), weight(a))
            "change_mark" -> h.changeMark(edit(a), a.getInt("mark").toUInt(), mark(a.getString("value")),
                a.getString("work_type"), weight(a))
            "remove_mark" -> h.removeMark(edit(a), a.getInt("mark").toUInt())
            "set_attendance" -> h.setAttendance(edit(a), a.getInt("lesson").toUInt(), a.getInt("student").toUInt(),
                if (a.isNull("code")) null else AttendanceCode.valueOf(a.getString("code").uppercase()))
            "diary_week" -> h.diaryWeek(actor(a.getJSONObject("actor")), a.getInt("student").toUInt(),
                day(a, "date"), day(a, "today"))
            "export_for" -> h.exportFor(actor(a.getJSONObject("actor")), day(a, "on"))
            "submit_application" -> h.submitApplication(edit(a), applicant(a.getJSONObject("applicant")),
                a.getInt("student").toUInt(), consent(a.getJSONObject("consent")))
            "register_application" -> h.registerApplication(edit(a), id(a), a.getString("number"))
            "approve_application" -> h.approveApplication(edit(a), id(a))
            "reject_application" -> h.rejectApplication(edit(a), id(a), a.getString("reason"))
            "revoke_consent" -> h.revokeConsent(edit(a), id(a))
            "issue_credentials" -> h.issueCredentials(edit(a), id(a))
            "reissue_credentials" -> h.reissueCredentials(edit(a), applicant(a.getJSONObject("holder")))
            "log_in" -> h.logIn(a.getString("login"), a.getString("password"), day(a, "on"))
            "record_service_access" -> h.recordServiceAccess(edit(a), a.getInt("parent").toUInt(),
                day(a, "since"), a.getBoolean("has_access"))
            else -> error("unknown operation $op")
        }
    }

    private fun id(a: JSONObject): UInt = a.getInt("application").toUInt()

    private fun day(a: JSONObject, key: String): LocalDate = LocalDate.parse(a.getString(key))

    private fun actor(a: JSONObject) = Actor(Role.valueOf(a.getString("role").uppercase()), a.getInt("id").toUInt())

    private fun applicant(a: JSONObject): Applicant = when (a.getString("role")) {
        "parent" -> Applicant.Parent(a.getInt("id").toUInt())
        else -> Applicant.Student(a.getInt("id").toUInt())
    }

    private fun edit(a: JSONObject) = Edit(
        actor(a.getJSONObject("actor")),
        LocalDateTime.parse(a.getString("at")),
        if (a.has("reason")) a.getString("reason") else null,
    )

    private fun weight(a: JSONObject): BigDecimal? =
        if (!a.has("weight") || a.isNull("weight")) null else BigDecimal(a.getString("weight"))

    private fun consent(c: JSONObject) = Consent(
        LocalDate.parse(c.getString("given_on")),
        ConsentChannel.valueOf(c.getString("channel").uppercase()),
        if (c.has("phone")) c.getString("phone") else null,
        if (c.has("email")) c.getString("email") else null,
    )

    /** A mark's text as a `MarkValue`: a number that fits its `UByte`, or one of the words. */
    private fun mark(text: String): MarkValue {
        val t = text.trim().lowercase().replace('ё', 'е')
        t.toIntOrNull()?.let { if (it in 0..255) return MarkValue.Points(it.toUByte()) }
        return when (t) {
            "зачет" -> MarkValue.Pass
            "незачет" -> MarkValue.Fail
            "." -> MarkValue.Debt
            else -> throw NotExpressible("a mark text that is no MarkValue")
        }
    }

    /** The text of an input, as tests/conformance/README.md describes it. */
    private fun text(spec: JSONObject): String {
        var text = if (spec.has("text")) spec.getString("text") else base
        val replace = spec.optJSONArray("replace") ?: JSONArray()
        for (i in 0 until replace.length()) {
            val (old, new) = replace.getJSONArray(i).let { it.getString(0) to it.getString(1) }
            assertTrue(old in text, "$old is not in the input")
            text = text.replaceFirst(old, new)
        }
        spec.optJSONObject("repeat")?.let { r ->
            val marker = r.optString("marker", "@@")
            text = text.replaceFirst(marker, r.optString("text", "x").repeat(r.optInt("count", 0)))
        }
        spec.optString("cut_after", "").takeIf { it.isNotEmpty() }?.let { text = text.substring(0, text.indexOf(it) + it.length) }
        return text
    }

    companion object {
        const val MAX_MESSAGE = 400
        const val MIN_ENTRIES = 80
    }
}
