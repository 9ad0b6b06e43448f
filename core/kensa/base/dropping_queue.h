#pragma once
// A bounded queue between a producer that cannot wait (a camera delivering frames) and a slower consumer
// (inspection): when it is full, a new item replaces the oldest one, which is dropped and counted. The
// consumer always gets the freshest parts; memory stays bounded however far behind it falls.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace kensa {

template <typename T>
class DroppingQueue {
public:
    explicit DroppingQueue(size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

    // Adds an item; when full, the oldest is dropped first. Returns false (and drops the item) once closed.
    bool push(T item) {
        {
            std::lock_guard lock(m_mutex);
            if (m_closed)
                return false;
            if (m_items.size() == m_capacity) {
                m_items.pop_front();
                ++m_dropped;
            }
            m_items.push_back(std::move(item));
        }
        m_ready.notify_one();
        return true;
    }

    // The oldest item; waits up to `timeout` for one. nullopt on timeout, or when closed and empty.
    std::optional<T> pop(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, timeout, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }

    // No more items will come: pop() returns what is left, then nullopt at once.
    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }

    bool closed_and_empty() const {
        std::lock_guard lock(m_mutex);
        return m_closed && m_items.empty();
    }
    size_t dropped() const {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }
    size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_items.size();
    }

private:
    const size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<T> m_items;
    size_t m_dropped = 0;
    bool m_closed = false;
};

}  // namespace kensa
