package org.webthreads.web;

/**
 * Where the web platform's own words live at the start of the shared memory, before the pools:
 * <pre>
 * 0         magic (written last by the page: the memory is initialised)
 * 1         bump index: next free word for {@link WebPlatform#allocate}
 * 2         number of workers
 * 64+16*t   thread t's block, alone on its cache line: [JS-pending count, base of the pool it serves]
 * 4160      first pool region
 * </pre>
 */
final class PlatformWords {
  static final int MAGIC = 0x57545042;
  static final int MAGIC_INDEX = 0;
  static final int BUMP_INDEX = 1;
  static final int WORKERS_INDEX = 2;
  /** Thread ids 0 (the page) to 256. */
  static final int MAX_WORKERS = 256;
  private static final int THREADS_BASE = 64;
  private static final int THREAD_WORDS = 16;
  static final int FIRST_REGION = THREADS_BASE + THREAD_WORDS * (MAX_WORKERS + 1);

  private PlatformWords() {
  }

  /** JS tasks sent to thread t and not yet run. */
  static int jsPending(int threadId) {
    return THREADS_BASE + THREAD_WORDS * threadId;
  }

  /** Base of the pool thread t was assigned to, or 0. */
  static int serving(int threadId) {
    return THREADS_BASE + THREAD_WORDS * threadId + 1;
  }

  static int align(int index) {
    return (index + 15) & ~15;
  }
}
