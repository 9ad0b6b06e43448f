// Crash and disk-full drills of kensa-cli (issue 21): training and a hot-folder run killed with SIGKILL at
// any moment, and training and infer writing to a full disk. Each leaves the previous files as they were, complete, and
// nothing half-written; the next run works.
#include "cli_fixture.h"
#include "../support/full_disk.h"

#include <kensa/model/model_bundle.h>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

namespace {

// A fast training: PaDiM on a random-init ResNet-18 at 64 px (about 2 s, an 11 MB model).
const std::string kQuickTraining =
    " --method padim --padim-channels 8 --random-init --backbone resnet18 --image-size 64";

// kensa-cli started in the background (the shell execs it, so the pid is kensa-cli's), its progress lines
// (stderr) read one by one.
class Background {
public:
    explicit Background(const std::string& args) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return;
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDERR_FILENO);
            const std::string cmd = "exec " KENSA_CLI " " + args + " </dev/null >/dev/null";
            ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        m_err = ::fdopen(fds[0], "r");
    }
    ~Background() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
        if (m_err)
            std::fclose(m_err);
    }
    // Reads stderr until a line starts with prefix and says "n/n" (a stage done); false when it ended first.
    bool wait_for_stage_done(const std::string& prefix) {
        char* line = nullptr;
        size_t size = 0;
        bool found = false;
        while (!found && m_err && ::getline(&line, &size, m_err) > 0) {
            const std::string s(line);
            long done = -1, total = -2;
            found = s.rfind(prefix, 0) == 0 &&
                    std::sscanf(s.c_str() + prefix.size(), " %ld/%ld", &done, &total) == 2 && done == total;
        }
        std::free(line);
        return found;
    }
    void kill_now() { ::kill(m_pid, SIGKILL); }
    // The raw wait status.
    int wait() {
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        return status;
    }

private:
    pid_t m_pid = -1;
    std::FILE* m_err = nullptr;
    bool m_reaped = false;
};

// Empty when path holds a complete model (its checksum and structure check out), else why not.
std::string why_not_a_model(const fs::path& path) {
    try {
        kensa::model::load_bundle(path);
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace

// SIGKILL while training runs: during feature extraction, and at moments from 0 to 60 ms after the last
// stage finished, which is when the model is serialised and written. The model at --out is always the
// previous one, byte for byte, or a complete new one; a ".partial" a kill left is replaced by the next write.
TEST_F(CliTest, TrainingKilledAtAnyMomentLeavesACompleteModel) {
    const auto product = make_product();
    const auto model = m_dir / "models" / "widget.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string previous = slurp(model);
    const fs::path partial = model.string() + ".partial";

    int mid_write = 0;  // kills that left a .partial: they landed while the model was being written
    const std::vector<int> delays_ms = {-1, 0, 10, 20, 35, 60};  // -1: during feature extraction
    for (const int delay : delays_ms) {
        fs::remove(partial);
        Background training("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
        ASSERT_TRUE(training.wait_for_stage_done(delay < 0 ? "features" : "thresholds"))
            << "training ended before its progress said the stage was done";
        std::this_thread::sleep_for(std::chrono::milliseconds(std::max(delay, 0)));
        training.kill_now();
        const int status = training.wait();
        mid_write += fs::exists(partial);
        ASSERT_TRUE(fs::exists(model)) << "killed " << delay << " ms after the last stage";
        if (slurp(model) != previous) {
            EXPECT_EQ(why_not_a_model(model), "") << "killed " << delay << " ms after the last stage";
        }
        std::cout << (delay < 0 ? "killed during feature extraction"
                                : "killed " + std::to_string(delay) + " ms after the last stage")
                  << ": "
                  << (WIFSIGNALED(status) ? "during the run" : "after it ended") << ", model "
                  << (slurp(model) == previous ? "unchanged" : "replaced by a complete one")
                  << (fs::exists(partial) ? ", a .partial left" : "") << "\n";
    }
    std::cout << mid_write << " of " << delays_ms.size() << " kills landed while the model was written\n";

    // The next training runs, and replaces what a kill left.
    r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(why_not_a_model(model), "");
    EXPECT_FALSE(fs::exists(partial));
}

// A hot folder of parts as a line camera leaves them, and where `watch --move --sort-into` puts them.
struct SortedLine {
    fs::path hot, sorted, out;
    std::map<std::string, std::string> parts;  // name -> bytes

    SortedLine(const fs::path& hot_folder, const fs::path& sorted_folder, const fs::path& out_folder, int count)
        : hot(hot_folder), sorted(sorted_folder), out(out_folder) {
        fs::create_directories(hot);
        for (int i = 0; i < count; ++i) {
            cv::Mat image(64, 64, CV_8UC3);
            cv::randu(image, cv::Scalar::all(i), cv::Scalar::all(255));
            char name[32];
            std::snprintf(name, sizeof name, "part-%02d.png", i);
            cv::imwrite((hot / name).string(), image);
            parts[name] = slurp(hot / name);
        }
    }
    std::string watch(const std::string& model) const {
        return "watch --model " + model + " --folder " + hot.string() + " --out " + out.string() + " --existing --move --sort-into " +
               sorted.string() + " --settle-ms 0 --poll-ms 10 --thumbnail 32 --threads 1";
    }
    // Files in OK/ and NG/ under a part's name (or the -N name a second copy gets), not counting a .partial.
    int sorted_count() const {
        int n = 0;
        for (const char* verdict : {"OK", "NG"})
            if (fs::exists(sorted / verdict))
                for (const auto& e : fs::directory_iterator(sorted / verdict))
                    n += e.path().extension() != ".partial";
        return n;
    }
    // Where each part is: every part whole in the hot folder or sorted; in both only where a copy across file
    // systems was cut before the original was removed (`duplicates` counts those). Each line of results.csv is
    // whole. Returns what is wrong, empty when nothing.
    std::string check(int& duplicates) const {
        std::ostringstream wrong;
        std::map<std::string, int> found;
        for (const auto& [name, bytes] : parts)
            if (fs::exists(hot / name)) {
                ++found[name];
                if (slurp(hot / name) != bytes)
                    wrong << "hot/" << name << " changed; ";
            }
        for (const char* verdict : {"OK", "NG"}) {
            if (!fs::exists(sorted / verdict))
                continue;
            for (const auto& e : fs::directory_iterator(sorted / verdict)) {
                if (e.path().extension() == ".partial")
                    continue;  // an unfinished copy, under a name of its own
                // part-03-1.png: a second copy of part-03.png (the first was there already)
                static const std::regex k_second_copy(R"((part-\d+)-\d+\.png)");
                std::string name = e.path().filename().string();
                if (std::smatch m; std::regex_match(name, m, k_second_copy))
                    name = m[1].str() + ".png";
                const auto part = parts.find(name);
                if (part == parts.end())
                    wrong << verdict << "/" << e.path().filename().string() << " is no part; ";
                else if (slurp(e.path()) != part->second)
                    wrong << verdict << "/" << e.path().filename().string() << " is not the whole part; ";
                ++found[name];
            }
        }
        for (const auto& [name, bytes] : parts) {
            if (found[name] == 0)
                wrong << name << " is lost; ";
            duplicates += found[name] > 1;
        }
        std::istringstream log(slurp(out / "results.csv"));
        int line_number = 0;
        for (std::string line; std::getline(log, line); ++line_number)
            if (std::count(line.begin(), line.end(), ',') != 5 || (line_number == 0) != (line.rfind("time,", 0) == 0))
                wrong << "results.csv line " << line_number + 1 << " is not whole: " << line << "; ";
        return wrong.str();
    }
};

// SIGKILL while `watch --move --sort-into` works through a hot folder, four times at moments a few
// milliseconds apart, each run taking up what the last one left (--existing), then a run to the end. At every
// kill each part is whole, in the hot folder or sorted into OK/NG (never lost, never half-copied under its
// name), and results.csv holds whole lines only; at the end every part is sorted and logged. Sorting within
// one file system (a rename) and, where the test can mount one, into another (a copy under a temporary name,
// renamed when complete, then the original removed: a kill between the two leaves the part in both places).
TEST_F(CliTest, AHotFolderRunKilledAtAnyMomentLosesNoPart) {
    const auto product = make_product();
    const auto model = m_dir / "widget.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    kensa::test::FullDisk other(m_dir / "other", 64u << 20);  // not to fill: a file system of its own
    std::vector<SortedLine> lines;
    // 60 parts: four kills each wait for 6 more sorted ones, and a kill lands a few parts later at most.
    lines.emplace_back(m_dir / "hot", m_dir / "sorted", m_dir / "line", 60);
    if (other.separate_file_system())
        lines.emplace_back(m_dir / "hot2", m_dir / "other" / "sorted", m_dir / "line2", 60);
    else
        std::cout << "no second file system to sort into (" << other.mechanism() << "): the copy is not drilled\n";

    for (const SortedLine& line : lines) {
        int duplicates = 0;
        for (const int delay_ms : {0, 2, 5, 9}) {
            const int before = line.sorted_count();
            Background watch(line.watch(model.string()));
            for (int waited = 0; line.sorted_count() < before + 6 && waited < 60000; ++waited)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            ASSERT_GE(line.sorted_count(), before + 6) << "the run sorted nothing for a minute";
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            watch.kill_now();
            watch.wait();
            EXPECT_EQ(line.check(duplicates), "") << "killed " << delay_ms << " ms after the 6th part was sorted";
        }
        r = run(line.watch(model.string()) + " --idle-exit 1");
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(line.check(duplicates), "");
        const std::string log = slurp(line.out / "results.csv");
        for (const auto& [name, bytes] : line.parts) {
            EXPECT_FALSE(fs::exists(line.hot / name)) << name << " was not sorted";
            EXPECT_TRUE(contains(log, (line.hot / name).string() + ",")) << name << " is not in results.csv";
        }
        const bool renamed = line.sorted.parent_path() == m_dir;
        if (renamed)
            EXPECT_EQ(duplicates, 0) << "a rename cannot leave a part in two places";
        std::cout << "sorted " << (renamed ? "by rename" : "across file systems")
                  << ": 4 kills, " << duplicates << " part(s) found in two places at a kill\n";
    }
}

// A full disk under training's --out and infer's --out: a clear error naming the file and the reason, the
// previous model, maps and scores.csv untouched, nothing half-written left; once there is room, it works.
TEST_F(CliTest, AFullDiskIsAClearErrorAndLeavesThePreviousFiles) {
    const auto product = make_product();
    kensa::test::FullDisk disk(m_dir / "disk");
    std::cout << "full disk: " << disk.mechanism() << "\n";
    const auto model = m_dir / "disk" / "widget.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // A 200 x 200 image: its map (160 kB) is over the size the file size limit still lets grow.
    const auto input = m_dir / "line";
    fs::create_directories(input);
    cv::imwrite((input / "part.png").string(), cv::Mat(200, 200, CV_8UC3, cv::Scalar(40, 120, 200)));
    const auto maps = m_dir / "disk" / "maps";
    r = run("infer --model " + model.string() + " --input " + input.string() + " --out " + maps.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string previous_model = slurp(model), previous_map = slurp(maps / "part.tiff"),
                      previous_scores = slurp(maps / "scores.csv");
    const auto before = disk.entries();

    const std::string cannot_fill = disk.fill(/*still_fits=*/64 * 1024);
    if (!cannot_fill.empty())
        GTEST_SKIP() << "no way to make a disk full here: " << cannot_fill;
    r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, model.string() + ": write failed: " + disk.error_text())) << r.err;
    EXPECT_FALSE(contains(r.err, ".partial")) << "the user's path is named, not the temporary one: " << r.err;
    r = run("train --data " + product.string() + " --out " + (m_dir / "disk" / "new.kensa").string() +
            kQuickTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "new.kensa: write failed: " + disk.error_text())) << r.err;
    r = run("infer --model " + model.string() + " --input " + input.string() + " --out " + maps.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, (maps / "part.tiff").string() + ": write failed: " + disk.error_text())) << r.err;

    EXPECT_EQ(disk.entries(), before) << "no .partial, no truncated file, nothing new";
    EXPECT_TRUE(slurp(model) == previous_model);
    EXPECT_TRUE(slurp(maps / "part.tiff") == previous_map);
    EXPECT_EQ(slurp(maps / "scores.csv"), previous_scores);

    disk.free_space();
    r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(why_not_a_model(model), "");
    EXPECT_EQ(disk.entries(), before);
}

// The two other commands that write models: `eval --store-f1-thresholds` rewrites the model it evaluates,
// `compare --out-dir` keeps every model it trains. On a full disk both fail naming the user's path and the
// reason, the previous files stay byte for byte, nothing half-written is left; with room again both work.
TEST_F(CliTest, AFullDiskUnderEvalAndCompareLeavesThePreviousModels) {
    const auto product = make_product();
    kensa::test::FullDisk disk(m_dir / "disk", /*capacity=*/64u << 20);  // two 11 MB models and a third in writing
    std::cout << "full disk: " << disk.mechanism() << "\n";
    const auto model = m_dir / "disk" / "widget.kensa";
    const auto kept = m_dir / "disk" / "compared";
    auto r = run("train --data " + product.string() + " --out " + model.string() + kQuickTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string compare = "compare --json --data " + product.string() + " --out-dir " + kept.string() +
                                " --variant \"quick=" + kQuickTraining + "\"";
    r = run(compare);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(why_not_a_model(kept / "quick.kensa"), "");
    const std::string previous_model = slurp(model), previous_kept = slurp(kept / "quick.kensa");
    const auto before = disk.entries();

    const std::string cannot_fill = disk.fill(/*still_fits=*/64 * 1024);
    if (!cannot_fill.empty())
        GTEST_SKIP() << "no way to make a disk full here: " << cannot_fill;
    r = run("eval --model " + model.string() + " --data " + product.string() + " --store-f1-thresholds");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, model.string() + ": write failed: " + disk.error_text())) << r.err;
    EXPECT_FALSE(contains(r.err, "stored the F1-optimal thresholds")) << r.err;
    r = run(compare);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, (kept / "quick.kensa").string() + ": write failed: " + disk.error_text()))
        << r.err;
    EXPECT_FALSE(contains(r.err, ".partial")) << "the user's path is named, not the temporary one: " << r.err;

    EXPECT_EQ(disk.entries(), before) << "no .partial, no truncated file, nothing new";
    EXPECT_TRUE(slurp(model) == previous_model);
    EXPECT_TRUE(slurp(kept / "quick.kensa") == previous_kept);

    disk.free_space();
    r = run("eval --model " + model.string() + " --data " + product.string() + " --store-f1-thresholds");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "stored the F1-optimal thresholds")) << r.err;
    EXPECT_EQ(why_not_a_model(model), "");
    EXPECT_FALSE(slurp(model) == previous_model) << "the thresholds are recorded now";
    r = run(compare);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(why_not_a_model(kept / "quick.kensa"), "");
    EXPECT_EQ(disk.entries(), before);
}
