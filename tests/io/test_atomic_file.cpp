#include <kensa/base/atomic_file.h>
#include <kensa/base/error.h>

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
std::span<const std::byte> bytes_of(const std::string& s) {
    return std::as_bytes(std::span(s.data(), s.size()));
}
}  // namespace

TEST(AtomicFile, ReplacesContentAndLeavesNoPartialFile) {
    const auto dir = fs::temp_directory_path() / "kensa_atomic_test";
    fs::create_directories(dir);
    const auto path = dir / "out.bin";
    kensa::write_file_atomically(path, bytes_of("first version"));
    kensa::write_file_atomically(path, bytes_of("second"));
    EXPECT_EQ(slurp(path), "second");
    EXPECT_FALSE(fs::exists(dir / "out.bin.partial"));
    fs::remove_all(dir);
}

TEST(AtomicFile, AFolderThatCannotBeMadeNamesTheUsersPath) {
    const auto dir = fs::temp_directory_path() / "kensa_atomic_blocked";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto blocker = dir / "not-a-folder";
    kensa::write_file_atomically(blocker, bytes_of("a file where a folder should be"));
    const auto path = blocker / "out.bin";
    try {
        kensa::write_file_atomically(path, bytes_of("x"));
        FAIL() << "expected an error";
    } catch (const kensa::Error& e) {
        const std::string message = e.what();
        EXPECT_EQ(message.find(path.string() + ": "), 0u) << message;
        EXPECT_EQ(message.find(".partial"), std::string::npos) << message;  // a name the user never gave
    }
    fs::remove_all(dir);
}

TEST(AtomicFile, CreatesMissingParentFolders) {
    const auto dir = fs::temp_directory_path() / "kensa_atomic_parents";
    fs::remove_all(dir);
    const auto path = dir / "models" / "lot 7" / "m.kensa";
    kensa::write_file_atomically(path, bytes_of("model"));
    EXPECT_EQ(slurp(path), "model");
    fs::remove_all(dir);
}

TEST(AtomicFile, NameAtTheFileSystemsLimitIsWritten) {
    // 255 bytes is legal; "<name>.partial" would not be.
    const auto dir = fs::temp_directory_path() / "kensa_atomic_long";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto path = dir / (std::string(250, 'x') + ".tiff");
    ASSERT_EQ(path.filename().string().size(), 255u);
    kensa::write_file_atomically(path, bytes_of("first"));
    kensa::write_file_atomically(path, bytes_of("second"));
    EXPECT_EQ(slurp(path), "second");
    EXPECT_LE(kensa::partial_path(path).filename().string().size(), 255u);
    EXPECT_EQ(kensa::partial_path(path), kensa::partial_path(path));  // a leftover is replaced, not piled up
    EXPECT_NE(kensa::partial_path(path), kensa::partial_path(dir / (std::string(250, 'x') + ".png1")));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

// Files that belong together: when the last cannot be written, the first is not replaced either, and no
// temporary file stays behind.
TEST(AtomicFile, FilesWrittenTogetherReplaceAllOrNone) {
    const auto dir = fs::temp_directory_path() / ("kensa_atomic_together_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    kensa::write_file_atomically(dir / "report.csv", bytes_of("old csv"));
    kensa::write_file_atomically(dir / "blocker", bytes_of("a file where a folder should be"));
    const std::string csv = "new csv", html = "new html";
    const std::vector<kensa::FileContent> blocked = {{dir / "report.csv", bytes_of(csv)},
                                                     {dir / "blocker" / "report.html", bytes_of(html)}};
    EXPECT_THROW(kensa::write_files_atomically(blocked), kensa::Error);
    EXPECT_EQ(slurp(dir / "report.csv"), "old csv");
    EXPECT_FALSE(fs::exists(kensa::partial_path(dir / "report.csv")));

    const std::vector<kensa::FileContent> both = {{dir / "report.csv", bytes_of(csv)},
                                                  {dir / "report.html", bytes_of(html)}};
    kensa::write_files_atomically(both);
    EXPECT_EQ(slurp(dir / "report.csv"), csv);
    EXPECT_EQ(slurp(dir / "report.html"), html);
    fs::remove_all(dir);
}
