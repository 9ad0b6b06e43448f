// Writes contact sheets of every synthetic-defect generator on sample brick images, for looking at:
//   synthetic_sheet [output.png] [columns] [image size]
// Per generator two rows: the defects, then the same with the mask outlined. Also writes
// <output stem>_<generator id>.png per generator, and prints how long a defect takes.

#include <kensa/data/image_io.h>
#include <kensa/data/sample_synthesizer.h>
#include <kensa/data/synthetic/registry.h>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace ks = kensa::data::synthetic;

namespace {

cv::Mat outlined(const ks::SyntheticDefect& d) {
    cv::Mat3f out = d.image.clone();
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(d.mask.clone(), contours, cv::RETR_LIST, cv::CHAIN_APPROX_NONE);
    cv::drawContours(out, contours, -1, cv::Scalar(0, 1, 1), 1);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path output = argc > 1 ? argv[1] : "/tmp/synth_sheet.png";
    const int columns = argc > 2 ? std::atoi(argv[2]) : 6;
    const int size = argc > 3 ? std::atoi(argv[3]) : 256;
    try {
        if (output.has_parent_path())
            std::filesystem::create_directories(output.parent_path());
        const kensa::data::SampleSynthesizer sample;
        std::vector<cv::Mat> rows;
        for (const auto& info : ks::generator_catalog()) {
            const auto generator = ks::make_generator(info.id);
            std::vector<cv::Mat> plain, lined;
            for (int c = 0; c < columns; ++c) {
                const cv::Mat image = sample.normal_image(1000 + c, size);
                const ks::SyntheticDefect d = generator->apply(image, 7 * c + 3);
                plain.push_back(d.image);
                lined.push_back(outlined(d));
            }
            cv::Mat top, bottom, both;
            cv::hconcat(plain, top);
            cv::hconcat(lined, bottom);
            cv::vconcat(top, bottom, both);
            kensa::data::write_image(output.parent_path() / (output.stem().string() + "_" + info.id + ".png"),
                                     both);
            rows.push_back(both);

            // How long one defect takes, for judging a fresh defect per image per epoch.
            const cv::Mat image = sample.normal_image(1, size);
            const auto start = std::chrono::steady_clock::now();
            const int runs = 20;
            for (int r = 0; r < runs; ++r)
                generator->apply(image, r);
            const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
            std::cout << info.id << ": " << took.count() / runs << " ms per defect at " << size << " px\n";
        }
        cv::Mat sheet;
        cv::vconcat(rows, sheet);
        kensa::data::write_image(output, sheet);
        std::cout << "wrote " << output << "\n";
    } catch (const std::exception& e) {
        std::cerr << "synthetic_sheet: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
