package org.zhurnal.ffi

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.zhurnal.ffi.Fixture.FATHER
import org.zhurnal.ffi.Fixture.MONDAY
import org.zhurnal.ffi.Fixture.SATURDAY
import org.zhurnal.ffi.Fixture.STUDENT

/** The diary week called from Kotlin in a warmed loop: reported, not asserted. */
class BenchmarkTest {
    @Test
    fun diaryWeekFromKotlin() = Fixture.open().use { h ->
        Fixture.approveFather(h)
        val expected = h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY)
        repeat(3_000) { h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY) }
        val calls = 20_000
        val best = (1..5).minOf {
            val t0 = System.nanoTime()
            repeat(calls) { h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY) }
            (System.nanoTime() - t0) / calls
        }
        assertEquals(expected, h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY))
        val lessons = expected.days.sumOf { it.lessons.size }
        println("BENCH diary week from Kotlin: ${"%.1f".format(best / 1000.0)} us/call " +
            "(best of 5 x $calls warmed calls, $lessons lessons, ${expected.subjects.size} subjects)")
    }
}
