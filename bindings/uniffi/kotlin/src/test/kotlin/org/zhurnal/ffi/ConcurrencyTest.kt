package org.zhurnal.ffi

import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import kotlin.concurrent.thread
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.zhurnal.ffi.Fixture.CLASS_TEACHER
import org.zhurnal.ffi.Fixture.STUDENT
import org.zhurnal.ffi.Fixture.at

class ConcurrencyTest {
    /**
     * 8 threads write 10 000 marks each through one handle, each as the
     * teacher of its own lesson, while readers read the diary week: nothing
     * is lost (every mark is in the week and in the audit trail), and no
     * read sees a lesson's marks shrink or a half-made change.
     */
    @Test
    fun eightThreadsTimesTenThousandWrites() = Fixture.open().use { h ->
        val threads = 8
        val writes = 10_000
        val lessons = Fixture.lessons(h).take(threads)
        assertEquals(threads, lessons.size)
        val before = lessons.associate { it.lesson to it.marks.size }
        val auditBefore = h.auditOfStudent(CLASS_TEACHER, STUDENT)
        val lessonIds = lessons.map { it.lesson }.toSet()

        val start = CountDownLatch(1)
        val done = AtomicBoolean(false)
        val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
        val reads = AtomicInteger()
        val writers = lessons.mapIndexed { i, lesson ->
            thread(name = "writer-$i") {
                try {
                    start.await()
                    val edit = Edit(Actor(Role.TEACHER, lesson.teacher), at(15 + i % 5, 9), null)
                    repeat(writes) { n ->
                        h.recordMark(edit, lesson.lesson, STUDENT, MarkValue.Points((2 + n % 4).toUByte()), "answer", null)
                    }
                } catch (t: Throwable) {
                    failures.add(t)
                }
            }
        }
        val readers = (0 until 2).map { r ->
            thread(name = "reader-$r") {
                try {
                    start.await()
                    var last = before
                    while (!done.get()) {
                        val now = Fixture.lessons(h).filter { it.lesson in lessonIds }
                        for (l in now) {
                            val ids = l.marks.map { it.mark }
                            assertEquals(ids.size, ids.toSet().size, "a mark seen twice")
                            assertTrue(ids.size >= last.getValue(l.lesson), "marks of lesson ${l.lesson} shrank")
                        }
                        last = now.associate { it.lesson to it.marks.size }
                        reads.incrementAndGet()
                    }
                } catch (t: Throwable) {
                    failures.add(t)
                }
            }
        }
        start.countDown()
        writers.forEach { it.join() }
        done.set(true)
        readers.forEach { it.join() }
        failures.firstOrNull()?.let { throw it }

        val after = Fixture.lessons(h).filter { it.lesson in lessonIds }
        for (l in after) {
            assertEquals(before.getValue(l.lesson) + writes, l.marks.size, "marks of lesson ${l.lesson}")
        }
        val allIds = after.flatMap { l -> l.marks.map { it.mark } }
        assertEquals(allIds.size, allIds.toSet().size)

        // The audit trail has every write once, in order, by its author.
        val audit = h.auditOfStudent(CLASS_TEACHER, STUDENT)
        val added = audit.drop(auditBefore.size)
        assertEquals(threads * writes, added.size)
        assertTrue(audit.zipWithNext().all { (a, b) -> a.seq < b.seq }, "audit numbers in order")
        for (lesson in lessons) {
            val mine = added.filter { it.lesson == lesson.lesson }
            assertEquals(writes, mine.size, "audit of lesson ${lesson.lesson}")
            assertTrue(mine.all { it.kind == "mark" && it.actor == Actor(Role.TEACHER, lesson.teacher) })
        }
        println("8 x 10000 writes through one handle with ${reads.get()} concurrent diary reads: nothing lost")
    }
}
