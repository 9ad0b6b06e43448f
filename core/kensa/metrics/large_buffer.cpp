#include <kensa/metrics/large_buffer.h>

#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace kensa::metrics {

namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Below this, huge pages would waste more memory than page faults cost.
constexpr size_t kMinHugeBytes = size_t{4} << 20;

bool use_huge_pages(size_t bytes) {
#ifdef __linux__
    return bytes >= kMinHugeBytes;
#else
    (void)bytes;
    return false;
#endif
}

}  // namespace

void* allocate_large_buffer(size_t bytes) {
    if (!use_huge_pages(bytes))
        return ::operator new(bytes);
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (!p)
        throw std::bad_alloc();
#ifdef __linux__
    (void)madvise(p, rounded, MADV_HUGEPAGE);  // only a hint: fine if the kernel says no
#endif
    return p;
}

void free_large_buffer(void* pointer, size_t bytes) noexcept {
    if (use_huge_pages(bytes))
        std::free(pointer);
    else
        ::operator delete(pointer);
}

}  // namespace kensa::metrics
