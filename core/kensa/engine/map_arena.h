#pragma once
// Storage for the many small maps a batch inspection keeps, outside the malloc heap. kensa_nn raises
// glibc's mmap and trim thresholds (big tensors come from the heap and freed memory is not returned), so
// long-lived small blocks allocated between a batch's freed images and full maps can pin heap holes: the
// first version, which let OpenCV allocate the kept maps, grew RSS by ~1.1 MB per image inspected
// (bench/inspection, 1,000 images: 1.8 GB peak). Returning pages with malloc_trim after every batch fixed
// the RSS but cost ~50% more time (page faults on the next batch); slabs mapped from the OS cost nothing.

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace kensa::engine {

class MapArena {
public:
    MapArena() = default;
    ~MapArena();
    MapArena(const MapArena&) = delete;
    MapArena& operator=(const MapArena&) = delete;

    // A matrix whose memory lives as long as the arena (the Mat does not own it). Zero-filled.
    cv::Mat allocate(cv::Size size, int type);
    size_t bytes() const { return m_used; }  // handed out so far

private:
    struct Slab {
        unsigned char* data = nullptr;
        size_t size = 0;
        size_t used = 0;
    };
    std::vector<Slab> m_slabs;
    size_t m_used = 0;
};

}  // namespace kensa::engine
