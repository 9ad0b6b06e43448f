#include <kensa/base/error.h>
#include <kensa/base/file_bytes.h>

#include "../support/unprivileged.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

namespace fs = std::filesystem;

namespace {

class ReadRegularFile : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / "kensa_file_bytes_test";
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // The error read_regular_file gives for path; fails the test when it reads.
    std::string error_of(const fs::path& path) {
        try {
            kensa::read_regular_file(path);
        } catch (const kensa::Error& e) {
            return e.what();
        }
        ADD_FAILURE() << path << " was read";
        return {};
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(ReadRegularFile, ReadsTheBytes) {
    std::ofstream(m_dir / "a.bin", std::ios::binary) << std::string("ab\0c", 4);
    const auto bytes = kensa::read_regular_file(m_dir / "a.bin");
    ASSERT_EQ(bytes.size(), 4u);
    EXPECT_EQ(bytes[2], std::byte{0});
    EXPECT_EQ(bytes[3], std::byte{'c'});
}

TEST_F(ReadRegularFile, AFifoFailsAtOnceInsteadOfBlocking) {
    const auto fifo = m_dir / "model.kensa";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    // No writer ever opens the pipe: a plain open() would wait for one forever.
    auto message = std::async(std::launch::async, [&] { return error_of(fifo); });
    ASSERT_EQ(message.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "read blocked on a FIFO";
    EXPECT_NE(message.get().find("named pipe"), std::string::npos);
}

TEST_F(ReadRegularFile, LinksThatLeadNowhereOrToADeviceAreNamed) {
    fs::create_symlink(m_dir / "gone.png", m_dir / "broken.png");
    fs::create_symlink(m_dir / "loop_b.png", m_dir / "loop_a.png");
    fs::create_symlink(m_dir / "loop_a.png", m_dir / "loop_b.png");
    fs::create_symlink("/dev/zero", m_dir / "zero.png");
    EXPECT_NE(error_of(m_dir / "broken.png").find("broken symbolic link"), std::string::npos);
    EXPECT_NE(error_of(m_dir / "loop_a.png").find("symbolic link loop"), std::string::npos);
    const auto zero = error_of(m_dir / "zero.png");
    EXPECT_NE(zero.find("zero.png: a device"), std::string::npos) << zero;
}

TEST_F(ReadRegularFile, FolderMissingAndEmptyFilesAreNamed) {
    std::ofstream(m_dir / "empty.png").close();
    EXPECT_NE(error_of(m_dir).find("is a folder"), std::string::npos);
    EXPECT_NE(error_of(m_dir / "none.png").find("file not found"), std::string::npos);
    EXPECT_NE(error_of(m_dir / "empty.png").find("empty (0 bytes)"), std::string::npos);
    EXPECT_TRUE(kensa::read_regular_file(m_dir / "empty.png", /*allow_empty=*/true).empty());
}

// A file in a folder that may be read but not searched (mode r--) is there but out of reach: the reason is
// "permission denied", not "file not found" (which had sent users looking for a file that existed).
TEST_F(ReadRegularFile, FilesOutOfReachSayPermissionDeniedNotNotFound) {
    fs::create_directories(m_dir / "closed");
    std::ofstream(m_dir / "closed" / "a.png") << "x";
    std::ofstream(m_dir / "secret.png") << "x";
    fs::permissions(m_dir, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
    fs::permissions(m_dir / "closed", fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    fs::permissions(m_dir / "secret.png", fs::perms::none);
    const auto error_contains = [&](const fs::path& path, const std::string& text) {
        try {
            kensa::read_regular_file(path);
        } catch (const kensa::Error& e) {
            return std::string(e.what()).find(text) != std::string::npos;
        }
        return false;
    };
    const int code = kensa::test::exit_code_unprivileged([&] {
        if (kensa::why_not_regular(m_dir / "closed" / "a.png").find("cannot access: Permission denied") ==
            std::string::npos)
            return 1;
        if (!error_contains(m_dir / "closed" / "a.png", "a.png: cannot access: Permission denied"))
            return 2;
        if (!error_contains(m_dir / "secret.png", "secret.png: cannot open: Permission denied"))
            return 3;
        return 0;
    });
    fs::permissions(m_dir / "closed", fs::perms::owner_all);
    if (code == kensa::test::kCannotDropRoot)
        GTEST_SKIP() << "running as root, which no permission binds, and cannot become nobody";
    EXPECT_EQ(code, 0) << "1: why_not_regular, 2: read_regular_file in the closed folder, 3: the 000 file";
}
