#pragma once
// The fixture of kensa-cli's end-to-end tests: a folder of the test's own, kensa-cli run through the shell
// with its output captured, and a small MVTec-layout product.

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        // The process id keeps concurrent runs (other build trees on this machine) apart.
        m_dir = fs::temp_directory_path() /
                ("kensa_cli_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
                 "_" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    CliRun run(const std::string& args, const std::string& env = "") {
        const auto out = m_dir / "stdout.txt", err = m_dir / "stderr.txt";
        const std::string cmd =
            env + " " KENSA_CLI " " + args + " >" + out.string() + " 2>" + err.string() + " </dev/null";
        const int status = std::system(cmd.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }

    // A small valid MVTec-layout product: 3 train, 1 good + 1 defect test image with its mask.
    fs::path make_product() {
        const auto root = m_dir / "widget";
        for (const auto* d : {"train/good", "test/good", "test/dent", "ground_truth/dent"})
            fs::create_directories(root / d);
        const cv::Mat img(64, 64, CV_8UC3, cv::Scalar(40, 120, 200));
        for (int i = 0; i < 3; ++i)
            cv::imwrite((root / "train/good" / ("00" + std::to_string(i) + ".png")).string(), img);
        cv::imwrite((root / "test/good/000.png").string(), img);
        cv::imwrite((root / "test/dent/000.png").string(), img);
        cv::Mat mask(64, 64, CV_8UC1, cv::Scalar(0));
        mask(cv::Rect(10, 10, 8, 8)).setTo(255);
        cv::imwrite((root / "ground_truth/dent/000_mask.png").string(), mask);
        return root;
    }

    fs::path m_dir;
};

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

