package org.zhurnal.ffi

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.zhurnal.examples.render
import org.zhurnal.ffi.Fixture.FATHER
import org.zhurnal.ffi.Fixture.MONDAY
import org.zhurnal.ffi.Fixture.SATURDAY
import org.zhurnal.ffi.Fixture.STUDENT

/** The example's rendering of the father's export: the same week as the school's. */
class ExampleTest {
    @Test
    fun theExampleRendersTheExportedWeek() {
        val export = File(File(System.getProperty("zhurnal.fixture")).parentFile, "father-export.json").readText()
        val offline = SchoolHandle.fromJson(export).use { render(it.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY)) }
        val online = Fixture.open().use { h ->
            Fixture.approveFather(h)
            render(h.diaryWeek(FATHER, STUDENT, MONDAY, SATURDAY))
        }
        assertEquals(online, offline)
        assertTrue(offline.startsWith("Дневник: Гаврилова Полина Сергеевна · неделя с 2014-09-15"), offline)
        assertTrue(offline.contains("Математика"), offline)
    }
}
