#pragma once
// An allocator for the multi-megabyte pixel buffers of the metrics. On Linux it asks for transparent huge
// pages: first-touching 50 MB in 4 KiB pages costs ~300 ms in a virtual machine (measured on the Firecracker
// build hosts; 2 MiB pages: ~12 ms), more than the sort itself. Elsewhere it is plain operator new.

#include <cstddef>

namespace kensa::metrics {

void* allocate_large_buffer(size_t bytes);
void free_large_buffer(void* pointer, size_t bytes) noexcept;

template <typename T>
struct LargeBufferAllocator {
    using value_type = T;

    LargeBufferAllocator() = default;
    template <typename U>
    LargeBufferAllocator(const LargeBufferAllocator<U>&) noexcept {}

    T* allocate(size_t n) { return static_cast<T*>(allocate_large_buffer(n * sizeof(T))); }
    void deallocate(T* p, size_t n) noexcept { free_large_buffer(p, n * sizeof(T)); }

    template <typename U>
    bool operator==(const LargeBufferAllocator<U>&) const noexcept {
        return true;
    }
};

}  // namespace kensa::metrics
