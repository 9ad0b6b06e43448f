#include <kensa/engine/map_arena.h>

#include <algorithm>
#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace kensa::engine {

namespace {

constexpr size_t k_slab_bytes = size_t{8} << 20;
constexpr size_t k_alignment = 64;

unsigned char* map_slab(size_t bytes) {
#ifdef __linux__
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    return static_cast<unsigned char*>(p);
#else
    void* p = std::calloc(bytes, 1);
    if (!p)
        throw std::bad_alloc();
    return static_cast<unsigned char*>(p);
#endif
}

void unmap_slab(unsigned char* p, size_t bytes) noexcept {
#ifdef __linux__
    ::munmap(p, bytes);
#else
    (void)bytes;
    std::free(p);
#endif
}

}  // namespace

MapArena::~MapArena() {
    for (const Slab& s : m_slabs)
        unmap_slab(s.data, s.size);
}

cv::Mat MapArena::allocate(cv::Size size, int type) {
    const size_t bytes = size_t(size.area()) * CV_ELEM_SIZE(type);
    const size_t rounded = (bytes + k_alignment - 1) / k_alignment * k_alignment;
    if (m_slabs.empty() || m_slabs.back().size - m_slabs.back().used < rounded) {
        const size_t slab = std::max(k_slab_bytes, rounded);
        m_slabs.push_back({map_slab(slab), slab, 0});  // fresh anonymous pages are zero
    }
    Slab& s = m_slabs.back();
    unsigned char* p = s.data + s.used;
    s.used += rounded;
    m_used += rounded;
    return cv::Mat(size, type, p);
}

}  // namespace kensa::engine
