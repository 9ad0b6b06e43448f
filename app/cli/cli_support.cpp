#include "cli_support.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

namespace kensa::cli {

namespace {
std::atomic<int> g_interrupts{0};

void on_signal(int sig) {
    if (g_interrupts.fetch_add(1) >= 1) {
        std::signal(sig, SIG_DFL);
        std::raise(sig);
    }
}

std::string format_duration(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%dh%02dm", s / 3600, (s / 60) % 60);
    else
        std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}
}  // namespace

void install_interrupt_handler() {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
}

bool interrupted() {
    return g_interrupts.load() > 0;
}

ProgressCallback terminal_progress() {
    struct State {
        std::string stage;
        std::chrono::steady_clock::time_point start;
        int last_decile = -1;
    };
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    return [tty, state = std::make_shared<State>()](const Progress& p) {
        if (interrupted())
            return false;
        const auto now = std::chrono::steady_clock::now();
        if (p.stage != state->stage) {
            *state = State{p.stage, now, -1};
        }
        const double fraction =
            p.total > 0 ? static_cast<double>(p.done) / static_cast<double>(p.total) : 0.0;
        const double elapsed = std::chrono::duration<double>(now - state->start).count();
        const std::string eta = (fraction > 0 && p.done < p.total)
                                    ? " ETA " + format_duration(elapsed / fraction * (1 - fraction))
                                    : "";
        const std::string detail = p.detail.empty() ? "" : "  " + p.detail;
        if (tty) {
            constexpr int kWidth = 30;
            const int filled = static_cast<int>(fraction * kWidth);
            std::fprintf(stderr, "\r\033[K%-10s [%s%s] %lld/%lld%s%s", p.stage.c_str(),
                         std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(),
                         static_cast<long long>(p.done), static_cast<long long>(p.total), eta.c_str(),
                         detail.c_str());
            if (p.total > 0 && p.done >= p.total)
                std::fputc('\n', stderr);
        } else {
            const int decile = static_cast<int>(fraction * 10);
            if (decile != state->last_decile) {
                state->last_decile = decile;
                std::fprintf(stderr, "%s %lld/%lld%s%s\n", p.stage.c_str(), static_cast<long long>(p.done),
                             static_cast<long long>(p.total), eta.c_str(), detail.c_str());
            }
        }
        std::fflush(stderr);
        return true;
    };
}

void print_error(const std::string& message) {
    std::fprintf(stderr, "kensa-cli: error: %s\n", message.c_str());
}
void print_warning(const std::string& message) {
    std::fprintf(stderr, "kensa-cli: warning: %s\n", message.c_str());
}
void print_json(const nlohmann::json& j) {
    std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace kensa::cli
