// The line's sources and outputs: a hot folder hands out each image once and only when it is written
// completely (slow and partial writes included), a camera's frames pass a bounded queue that drops the
// oldest under a burst, a generated video file plays through VideoSource, and each part's log row,
// thumbnail and OK/NG copy are written.
#include <kensa/base/dropping_queue.h>
#include <kensa/base/error.h>
#include <kensa/data/image_header.h>
#include <kensa/data/image_io.h>
#include <kensa/live/hot_folder.h>
#include <kensa/live/line_recorder.h>
#include <kensa/live/video_source.h>

#include "../data/temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using kensa::live::HotFolder;
using kensa::test::TempDir;

namespace {

std::vector<unsigned char> encoded(const std::string& ext, int seed = 1) {
    cv::Mat image(48, 64, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(255));
    image.at<cv::Vec3b>(0, 0) = cv::Vec3b(static_cast<uchar>(seed), 0, 0);
    std::vector<unsigned char> bytes;
    cv::imencode(ext, image, bytes);
    return bytes;
}

void write_bytes(const fs::path& path, const std::vector<unsigned char>& bytes, size_t from, size_t to,
                 bool append) {
    std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
    out.write(reinterpret_cast<const char*>(bytes.data() + from), static_cast<std::streamsize>(to - from));
}

// Polls until something arrives or the time is up.
std::vector<kensa::live::ArrivedImage> poll_for(HotFolder& hot, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        auto arrived = hot.poll();
        if (!arrived.empty())
            return arrived;
        std::this_thread::sleep_for(10ms);
    }
    return {};
}

}  // namespace

TEST(ImageEnds, CompleteFilesPassAndCutOnesDoNot) {
    for (const char* ext : {".png", ".jpg", ".bmp"}) {
        const auto bytes = encoded(ext);
        EXPECT_TRUE(kensa::data::ends_complete(bytes)) << ext;
        const std::vector<unsigned char> cut(bytes.begin(), bytes.begin() + static_cast<long>(bytes.size() * 2 / 3));
        EXPECT_FALSE(kensa::data::ends_complete(cut)) << ext;
    }
    auto padded = encoded(".jpg");
    padded.insert(padded.end(), 16, 0);  // some cameras pad JPEGs with zeros
    EXPECT_TRUE(kensa::data::ends_complete(padded));
}

TEST(HotFolder, HandsOutASlowPartialWriteOnceWhenComplete) {
    TempDir dir;
    HotFolder hot(dir.path(), {50ms, 3000ms, false});
    const auto bytes = encoded(".png");
    const auto path = dir / "part_001.png";
    // Written in three pieces with pauses longer than the settle time: the missing end keeps it waiting.
    write_bytes(path, bytes, 0, bytes.size() / 3, false);
    EXPECT_TRUE(poll_for(hot, 200ms).empty());
    write_bytes(path, bytes, bytes.size() / 3, 2 * bytes.size() / 3, true);
    EXPECT_TRUE(poll_for(hot, 200ms).empty());
    EXPECT_EQ(hot.pending(), 1u);
    write_bytes(path, bytes, 2 * bytes.size() / 3, bytes.size(), true);
    const auto arrived = poll_for(hot, 1000ms);
    ASSERT_EQ(arrived.size(), 1u);
    EXPECT_EQ(arrived[0].path, path);
    EXPECT_TRUE(arrived[0].complete);
    EXPECT_EQ(arrived[0].bytes, bytes);
    EXPECT_TRUE(kensa::data::decode_image(arrived[0].bytes, path));
    // Once only.
    EXPECT_TRUE(poll_for(hot, 200ms).empty());
    EXPECT_EQ(hot.pending(), 0u);
}

TEST(HotFolder, ExistingImagesWaitUnlessAskedAndOthersAreIgnored) {
    TempDir dir;
    const auto old = encoded(".jpg");
    write_bytes(dir / "old.jpg", old, 0, old.size(), false);
    HotFolder fresh(dir.path(), {20ms, 1000ms, false});
    HotFolder with_existing(dir.path(), {20ms, 1000ms, true});
    kensa::test::write_text(dir / "notes.txt", "not an image");
    kensa::test::write_text(dir / ".hidden.png", "being written by a tool that renames at the end");
    EXPECT_TRUE(poll_for(fresh, 200ms).empty());
    const auto arrived = poll_for(with_existing, 500ms);
    ASSERT_EQ(arrived.size(), 1u);
    EXPECT_EQ(arrived[0].path.filename(), "old.jpg");
}

// Parts the line writes while the model loads are there before the watcher's first look: written after the
// line was started, they are new all the same.
TEST(HotFolder, ImagesWrittenSinceTheStartCountAsNewThoughAlreadyThere) {
    TempDir dir;
    const auto bytes = encoded(".png");
    write_bytes(dir / "before.png", bytes, 0, bytes.size(), false);
    std::this_thread::sleep_for(20ms);
    const auto started = fs::file_time_type::clock::now();
    std::this_thread::sleep_for(20ms);
    write_bytes(dir / "while_loading.png", bytes, 0, bytes.size(), false);
    HotFolder hot(dir.path(), {20ms, 1000ms, false, started});
    const auto arrived = poll_for(hot, 1000ms);
    ASSERT_EQ(arrived.size(), 1u);
    EXPECT_EQ(arrived[0].path.filename(), "while_loading.png");
    EXPECT_TRUE(poll_for(hot, 200ms).empty());
}

TEST(HotFolder, AReplacedFileIsANewImageAndOrderFollowsArrival) {
    TempDir dir;
    HotFolder hot(dir.path(), {30ms, 1000ms, false});
    const auto first = encoded(".png", 1);
    write_bytes(dir / "z.png", first, 0, first.size(), false);
    hot.poll();
    std::this_thread::sleep_for(5ms);
    write_bytes(dir / "a.png", first, 0, first.size(), false);
    std::vector<kensa::live::ArrivedImage> arrived;
    for (int i = 0; i < 50 && arrived.size() < 2; ++i) {
        for (auto& a : poll_for(hot, 200ms))
            arrived.push_back(std::move(a));
    }
    ASSERT_EQ(arrived.size(), 2u);
    EXPECT_EQ(arrived[0].path.filename(), "z.png");  // seen first, handed out first, though "a" sorts first
    EXPECT_EQ(arrived[1].path.filename(), "a.png");

    const auto second = encoded(".png", 2);  // the line PC overwrites the same name with the next part
    std::this_thread::sleep_for(20ms);
    write_bytes(dir / "z.png", second, 0, second.size(), false);
    const auto again = poll_for(hot, 1000ms);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].bytes, second);
}

TEST(HotFolder, AFileThatNeverCompletesIsHandedOutMarkedAfterGivingUp) {
    TempDir dir;
    HotFolder hot(dir.path(), {20ms, 300ms, false});
    const auto bytes = encoded(".jpg");
    write_bytes(dir / "cut.jpg", bytes, 0, bytes.size() / 2, false);
    const auto start = std::chrono::steady_clock::now();
    const auto arrived = poll_for(hot, 2000ms);
    ASSERT_EQ(arrived.size(), 1u);
    EXPECT_FALSE(arrived[0].complete);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);
}

TEST(HotFolder, AMissingFolderIsAClearError) {
    TempDir dir;
    try {
        HotFolder hot(dir / "nowhere");
        FAIL() << "no error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("nowhere: folder not found"), std::string::npos) << e.what();
    }
}

TEST(DroppingQueue, ABurstKeepsTheNewestAndCountsTheDropped) {
    kensa::DroppingQueue<int> queue(3);
    for (int i = 0; i < 100; ++i)
        queue.push(i);
    EXPECT_EQ(queue.dropped(), 97u);
    EXPECT_EQ(queue.pop(0ms), 97);
    EXPECT_EQ(queue.pop(0ms), 98);
    queue.close();
    EXPECT_FALSE(queue.push(1000));  // closed: refused
    EXPECT_EQ(queue.pop(0ms), 99);
    EXPECT_FALSE(queue.pop(100ms).has_value());
    EXPECT_TRUE(queue.closed_and_empty());
}

TEST(DroppingQueue, AConsumerWaitsForTheProducer) {
    kensa::DroppingQueue<int> queue(2);
    std::thread producer([&] {
        std::this_thread::sleep_for(50ms);
        queue.push(7);
    });
    EXPECT_EQ(queue.pop(2000ms), 7);
    producer.join();
}

TEST(VideoSource, PlaysAGeneratedVideoFileFrameByFrame) {
    TempDir dir;
    const auto path = dir / "line.avi";
    {
        cv::VideoWriter writer(path.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10.0, cv::Size(64, 48));
        ASSERT_TRUE(writer.isOpened()) << "OpenCV cannot write MJPG/AVI here";
        for (int i = 0; i < 12; ++i)
            writer.write(cv::Mat(48, 64, CV_8UC3, cv::Scalar(10 * i, 100, 200)));
    }
    kensa::live::VideoSource source(path.string());
    EXPECT_NEAR(source.frames_per_second(), 10.0, 0.01);
    int frames = 0;
    while (auto frame = source.read()) {
        EXPECT_EQ(frame->size(), cv::Size(64, 48));
        EXPECT_EQ(frame->type(), CV_32FC3);
        // BGR (200, 100, 10 i) on disk is RGB (10 i, 100, 200) / 255 here, within JPEG's error.
        EXPECT_NEAR(frame->at<cv::Vec3f>(24, 32)[2], 10.0 * frames / 255.0, 0.05);
        ++frames;
    }
    EXPECT_EQ(frames, 12);
    EXPECT_THROW(kensa::live::VideoSource((dir / "missing.avi").string()), kensa::Error);
}

TEST(LineRecorder, LogsEveryPartAndSortsItsImage) {
    TempDir dir;
    fs::create_directories(dir / "in");
    kensa::model::Thresholds thresholds;
    thresholds.image = 0.5f;
    thresholds.pixel = 0.5f;
    kensa::live::LineRecorder recorder({dir / "out", dir / "sorted", true, 32}, thresholds);
    const cv::Mat image(48, 64, CV_32FC3, cv::Scalar(0.2, 0.4, 0.6));
    auto part = [&](const std::string& name, float score) {
        const auto bytes = encoded(".png");
        write_bytes(dir / "in" / name, bytes, 0, bytes.size(), false);
        kensa::live::LinePart p{name, dir / "in" / name, image, {}, {}, 12.5};
        p.result = kensa::postprocess::AnomalyResult{cv::Mat(48, 64, CV_32FC1, cv::Scalar(score)), score};
        return p;
    };
    EXPECT_TRUE(recorder.record(part("good.png", 0.1f)).empty());
    EXPECT_TRUE(recorder.record(part("bad.png", 0.9f)).empty());
    EXPECT_TRUE(recorder.record(part("bad.png", 0.7f)).empty());  // the same name again: kept apart
    kensa::live::LinePart frame{"frame_000003", {}, image, {}, {}, 1.0};  // a camera frame: only in memory
    frame.result = kensa::postprocess::AnomalyResult{cv::Mat(48, 64, CV_32FC1, cv::Scalar(0.8f)), 0.8f};
    EXPECT_TRUE(recorder.record(frame).empty());
    kensa::live::LinePart broken{"broken.png", dir / "in/broken.png", {}, std::nullopt, "damaged", 3.0};
    EXPECT_TRUE(recorder.record(broken).empty());

    EXPECT_TRUE(fs::exists(dir / "sorted/OK/good.png"));
    EXPECT_TRUE(fs::exists(dir / "sorted/NG/bad.png"));
    EXPECT_TRUE(fs::exists(dir / "sorted/NG/bad-1.png"));
    EXPECT_FALSE(fs::exists(dir / "in/good.png"));  // moved
    EXPECT_EQ(cv::imread((dir / "sorted/NG/frame_000003.png").string()).size(), cv::Size(64, 48));
    const cv::Mat thumb = cv::imread((dir / "out/thumbnails/bad.jpg").string());
    EXPECT_EQ(thumb.cols, 32);
    std::ifstream log(dir / "out/results.csv");
    std::vector<std::string> lines;
    for (std::string line; std::getline(log, line);)
        lines.push_back(line);
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0], "time,part,score,verdict,latency_ms,note");
    EXPECT_NE(lines[1].find(",0.1,OK,12.5,"), std::string::npos) << lines[1];
    EXPECT_NE(lines[2].find(",0.9,NG,12.5,"), std::string::npos) << lines[2];
    EXPECT_NE(lines[5].find(",,ERROR,3.0,damaged"), std::string::npos) << lines[5];
    EXPECT_EQ(recorder.counts().ok, 1);
    EXPECT_EQ(recorder.counts().ng, 3);
    EXPECT_EQ(recorder.counts().errors, 1);

    // A second recorder appends to the same log without a second header.
    kensa::live::LineRecorder again({dir / "out", {}, false, 0}, thresholds);
    again.record(part("later.png", 0.2f));
    std::ifstream reread(dir / "out/results.csv");
    int rows = 0;
    for (std::string line; std::getline(reread, line);)
        rows += line.rfind("time,", 0) == 0 ? 100 : 1;
    EXPECT_EQ(rows, 100 + 6);

    // A run that stopped mid-line (killed, or a full disk) leaves its last line torn: the next run's first
    // line starts on a line of its own instead of continuing the torn one.
    {
        std::ofstream torn(dir / "out/results.csv", std::ios::app);
        torn << "2026-12-06T21:00:00.000," << (dir / "in/cut.png").string() << ",0.3";
    }
    kensa::live::LineRecorder after({dir / "out", {}, false, 0}, thresholds);
    after.record(part("next.png", 0.2f));
    std::ifstream last(dir / "out/results.csv");
    std::vector<std::string> tail;
    for (std::string line; std::getline(last, line);)
        tail.push_back(line);
    ASSERT_GE(tail.size(), 2u);
    EXPECT_TRUE(tail[tail.size() - 2].ends_with("cut.png,0.3")) << tail[tail.size() - 2];
    EXPECT_NE(tail.back().find("next.png,0.2,OK,12.5,"), std::string::npos) << tail.back();
    EXPECT_EQ(std::count(tail.back().begin(), tail.back().end(), ','), 5) << tail.back();
}

// Sorting by copying (into another file system, or without --move): a copy that fails is reported naming the
// target and leaves nothing in the sorted folder; one that works leaves exactly the part, byte for byte, and
// no temporary file (it goes under a .partial name and is renamed once complete and synced).
TEST(LineRecorder, ACopyThatFailsLeavesNothingUnderThePartsName) {
    TempDir dir;
    fs::create_directories(dir / "in");
    kensa::model::Thresholds thresholds;
    thresholds.image = 0.5f;
    kensa::live::LineRecorder recorder({dir / "out", dir / "sorted", false, 0}, thresholds);
    const cv::Mat image(48, 64, CV_32FC3, cv::Scalar(0.2, 0.4, 0.6));
    kensa::live::LinePart gone{"gone.png", dir / "in/gone.png", image, {}, {}, 1.0};  // deleted meanwhile
    gone.result = kensa::postprocess::AnomalyResult{cv::Mat(48, 64, CV_32FC1, cv::Scalar(0.1f)), 0.1f};
    const auto problems = recorder.record(gone);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find((dir / "sorted/OK/gone.png").string() + ": cannot be written"), std::string::npos)
        << problems[0];
    EXPECT_TRUE(fs::is_empty(dir / "sorted/OK")) << "neither the part's name nor a .partial is left";

    const auto bytes = encoded(".png");
    write_bytes(dir / "in" / "kept.png", bytes, 0, bytes.size(), false);
    kensa::live::LinePart kept{"kept.png", dir / "in/kept.png", image, {}, {}, 1.0};
    kept.result = gone.result;
    EXPECT_TRUE(recorder.record(kept).empty());
    std::ifstream copy(dir / "sorted/OK/kept.png", std::ios::binary);
    EXPECT_EQ(std::vector<unsigned char>(std::istreambuf_iterator<char>(copy), {}), bytes);
    EXPECT_TRUE(fs::exists(dir / "in/kept.png"));  // copied, not moved
    EXPECT_EQ(std::distance(fs::directory_iterator(dir / "sorted/OK"), fs::directory_iterator()), 1);
}
