#include "cli_support.h"
#include "commands.h"
#include "output_names.h"

#include <kensa/base/atomic_file.h>
#include <kensa/base/csv.h>
#include <kensa/base/error.h>
#include <kensa/base/file_name_limit.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>
#include <kensa/engine/inspector.h>
#include <kensa/postprocess/heatmap.h>
#include <kensa/postprocess/verdict.h>

#include <CLI/CLI.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string_view>

namespace kensa::cli {

namespace {

// Draws one output image (a map, an overlay) and writes it. When this one image cannot be drawn or encoded
// (a map too large for the memory left), a warning says so and the run goes on. A file that cannot be
// written (disk full, no permission) stops it, as it would for every file.
void write_encoded(const std::filesystem::path& path, const std::function<cv::Mat()>& draw) {
    std::vector<unsigned char> bytes;
    try {
        bytes = data::encode_image(path, draw());
    } catch (const Error& e) {
        print_warning(e.message() + " (not written)");
        return;
    } catch (const cv::Exception& e) {
        print_warning(path.string() + ": cannot be drawn: " + e.err + " (not written)");
        return;
    } catch (const std::bad_alloc&) {
        print_warning(path.string() + ": not enough memory to draw it (not written)");
        return;
    }
    write_file_atomically(path, std::as_bytes(std::span(bytes.data(), bytes.size())));
}

// Anomaly results for a batch; when the batch fails (memory running out on a large image), each image
// alone, and one that still fails is named and left out (nullopt) while the run goes on.
std::vector<std::optional<postprocess::AnomalyResult>> inspect_each(
    engine::Inspector& inspector, const std::vector<cv::Mat>& images,
    const std::vector<const data::ImageFile*>& sources, int batch) {
    std::vector<std::optional<postprocess::AnomalyResult>> out;
    std::string reason;
    try {
        for (auto& r : inspector.inspect(images, {}, batch))
            out.emplace_back(std::move(r));
        return out;
    } catch (const Cancelled&) {
        throw;
    } catch (const cv::Exception& e) {
        reason = e.err;  // what() adds OpenCV's source line
    } catch (const std::exception& e) {
        reason = e.what();
    }
    if (images.size() == 1) {
        print_warning(sources[0]->path.string() + ": inspection failed: " + reason + " (skipped)");
        return {std::nullopt};
    }
    out.clear();
    for (size_t i = 0; i < images.size(); ++i) {
        auto alone = inspect_each(inspector, {images[i]}, {sources[i]}, 1);
        out.push_back(std::move(alone.front()));
    }
    return out;
}

// <out>/<name><suffix>, name as output_names gives it; a name that would pass 255 bytes is shortened (and
// said), so an image with a long name still gets its map and the run goes on.
std::filesystem::path output_path(const std::filesystem::path& out, const std::filesystem::path& relative,
                                  const std::filesystem::path& name, std::string_view suffix) {
    const std::string base = name.filename().string();
    const std::string file = name_within_limit(base, suffix);
    const auto path = out / name.parent_path() / file;
    if (file.size() < base.size() + suffix.size())
        print_warning(relative.string() + ": its name is too long for '" + std::string(suffix) +
                      "' to be added; written as " + path.string());
    return path;
}

// Says which images share a name in their folder, so a user looking for a.tiff finds a.png.tiff.
void say_shared_names(const std::vector<data::ImageFile>& files, const std::vector<std::filesystem::path>& names) {
    for (size_t i = 0; i < files.size(); ++i) {
        if (names[i].filename() == files[i].relative_path.filename())
            std::fprintf(stderr, "kensa-cli: note: %s shares its name with another image in its folder: its map "
                                 "is %s.tiff\n",
                         files[i].relative_path.string().c_str(), names[i].string().c_str());
    }
}

// A folder's images (recursively), or the one image a file path names.
data::ImageListing images_to_inspect(const std::filesystem::path& input) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec) && std::filesystem::exists(input, ec)) {
        if (!data::is_image_file(input))
            throw file_error(input, "not an image file Kensa reads (PNG, JPEG, BMP, TIFF) nor a folder");
        data::ImageListing listing;
        listing.files.push_back({input, input.filename()});
        return listing;
    }
    return data::scan_image_folder(input, /*recursive=*/true).take();
}

}  // namespace

void add_infer_command(CLI::App& app) {
    struct Options {
        std::filesystem::path model, input, out;
        bool overlays = false;
        int threads = 0;
        int batch = 8;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "infer", "Anomaly maps (32-bit float TIFF) and scores for an image or every image under a folder");
    cmd->add_option("--model", opts->model, "Model file")->required();
    cmd->add_option("--input", opts->input, "An image file, or a folder of images (searched recursively)")->required();
    cmd->add_option("--out", opts->out, "Output folder: <relative path without extension>.tiff maps (with it when two images of a folder "
                    "share a name: a.png.tiff, a.jpg.tiff) and scores.csv")
        ->required();
    cmd->add_flag("--overlays", opts->overlays,
                  "Also write <relative path>.overlay.png heatmaps with outlines");
    cmd->add_option("--threads", opts->threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->add_option("--batch", opts->batch, "Images per forward pass")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->callback([opts] {
        auto inspector = engine::Inspector::load(opts->model, opts->threads);
        const auto listing = images_to_inspect(opts->input);
        for (const auto& skipped : listing.skipped)
            print_warning(skipped.message());
        const auto& files = listing.files;
        if (files.empty())
            throw file_error(opts->input, "no images found (PNG, JPEG, BMP, TIFF)");
        std::filesystem::create_directories(opts->out);
        const auto names = output_names(files);
        say_shared_names(files, names);
        const auto& thresholds = inspector.bundle().thresholds;
        const auto progress = terminal_progress();

        std::ostringstream csv;
        csv << "image,score,anomalous\n";
        int flagged = 0, skipped = 0;
        double inference_ms = 0.0;  // the model alone: decoding and writing files excluded
        // Batch by batch, so memory stays flat however many images the folder holds.
        for (size_t begin = 0; begin < files.size(); begin += static_cast<size_t>(opts->batch)) {
            const size_t end = std::min(files.size(), begin + static_cast<size_t>(opts->batch));
            std::vector<cv::Mat> images;
            std::vector<const data::ImageFile*> sources;
            std::vector<const std::filesystem::path*> source_names;
            for (size_t i = begin; i < end; ++i) {
                auto image = data::read_image(files[i].path);
                if (!image) {
                    print_warning(image.error().message() + " (skipped)");
                    ++skipped;
                    continue;
                }
                images.push_back(std::move(image).take());
                sources.push_back(&files[i]);
                source_names.push_back(&names[i]);
            }
            const auto start = std::chrono::steady_clock::now();
            const auto results = inspect_each(inspector, images, sources, opts->batch);
            inference_ms +=
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            for (size_t i = 0; i < results.size(); ++i) {
                if (!results[i]) {
                    ++skipped;
                    continue;
                }
                const auto& result = *results[i];
                const auto rel = sources[i]->relative_path;
                const auto& name = *source_names[i];
                write_encoded(output_path(opts->out, rel, name, ".tiff"), [&] { return result.map; });
                if (opts->overlays) {
                    write_encoded(output_path(opts->out, rel, name, ".overlay.png"),
                                  [&] { return postprocess::heatmap_overlay(images[i], result.map, thresholds.pixel); });
                }
                const bool anomalous = postprocess::is_anomalous(result.score, thresholds.image);
                flagged += anomalous;
                char score[32];
                std::snprintf(score, sizeof score, "%.6g", result.score);
                csv << csv_field(rel.generic_string()) << ',' << score << ',' << (anomalous ? 1 : 0) << '\n';
            }
            report(progress, {"inspecting", static_cast<int64_t>(end), static_cast<int64_t>(files.size())});
        }
        const auto text = csv.str();
        write_file_atomically(opts->out / "scores.csv", std::as_bytes(std::span(text.data(), text.size())));
        const size_t inspected = files.size() - static_cast<size_t>(skipped);
        // Every file named in a warning is counted, those the listing left out (links, pipes, folders) too.
        const size_t left_out = static_cast<size_t>(skipped) + listing.skipped.size();
        std::printf("%zu images: %d anomalous at image threshold %.4f%s; maps and scores.csv in %s\n", inspected,
                    flagged, thresholds.image,
                    left_out ? (", " + std::to_string(left_out) + " skipped (named above)").c_str() : "",
                    opts->out.string().c_str());
        if (inspected > 0)
            std::printf("inference %.1f ms/image (batch %d)\n", inference_ms / static_cast<double>(inspected),
                        opts->batch);
    });
}

}  // namespace kensa::cli
