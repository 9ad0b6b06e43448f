#include <kensa/metrics/pixel_table.h>

#include <kensa/base/error.h>
#include <kensa/metrics/score_sort.h>

#include <opencv2/core.hpp>

#include <cmath>
#include <limits>

namespace kensa::metrics {

namespace {

// Payload of a packed pixel: defect pixels carry their region index with this bit set, defect-free
// pixels carry their image index.
constexpr uint32_t kDefectBit = 0x80000000u;
constexpr uint32_t kIndexMask = 0x7fffffffu;

std::string image_name(std::span<const std::string> names, size_t i) {
    if (i < names.size() && !names[i].empty())
        return names[i];
    return "image " + std::to_string(i + 1);
}

std::string size_text(const cv::Mat& m) {
    return std::to_string(m.cols) + "x" + std::to_string(m.rows);
}

void check_pair(const cv::Mat& map, const cv::Mat& mask, const std::string& name) {
    if (map.empty())
        throw Error(name + ": the anomaly map is empty");
    if (map.type() != CV_32FC1)
        throw Error(name + ": the anomaly map must be single-channel float (CV_32FC1)");
    if (mask.empty())
        return;
    if (mask.type() != CV_8UC1)
        throw Error(name + ": the ground-truth mask must be single-channel 8-bit (CV_8UC1)");
    if (mask.size() != map.size())
        throw Error(name + ": the anomaly map is " + size_text(map) + " but the ground-truth mask is " +
                    size_text(mask) + "; resize one to the other before evaluating");
}

}  // namespace

PixelTable::PixelTable(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
                       std::span<const std::string> names, const ProgressCallback& progress)
    : m_image_count(anomaly_maps.size()) {
    if (masks.size() != anomaly_maps.size())
        throw Error("got " + std::to_string(anomaly_maps.size()) + " anomaly maps but " +
                    std::to_string(masks.size()) + " ground-truth masks");
    if (m_image_count > kIndexMask)
        throw Error("too many images for one evaluation");

    size_t total = 0;
    for (size_t i = 0; i < m_image_count; ++i) {
        check_pair(anomaly_maps[i], masks[i], image_name(names, i));
        total += anomaly_maps[i].total();
    }
    m_entries.reserve(total);
    m_defect_pixels.assign(m_image_count, 0);
    m_normal_pixels.assign(m_image_count, 0);

    for (size_t i = 0; i < m_image_count; ++i) {
        report(progress, {"pixels", static_cast<int64_t>(i), static_cast<int64_t>(m_image_count), {}});
        const cv::Mat& map = anomaly_maps[i];
        const DefectRegions regions = label_defect_regions(masks[i]);
        const uint32_t first_region = static_cast<uint32_t>(m_region_image.size());
        if (m_region_image.size() + regions.sizes.size() > kIndexMask)
            throw Error("too many defect regions for one evaluation");
        for (int64_t size : regions.sizes) {
            m_region_image.push_back(static_cast<uint32_t>(i));
            m_region_inv_size.push_back(1.0 / static_cast<double>(size));
            m_defect_pixels[i] += size;
        }
        m_normal_pixels[i] = static_cast<int64_t>(map.total()) - m_defect_pixels[i];

        const uint32_t normal_payload = static_cast<uint32_t>(i);
        for (int y = 0; y < map.rows; ++y) {
            const float* scores = map.ptr<float>(y);
            const int32_t* labels = regions.count() > 0 ? regions.labels.ptr<int32_t>(y) : nullptr;
            for (int x = 0; x < map.cols; ++x) {
                const float s = scores[x];
                if (std::isnan(s))
                    throw Error(image_name(names, i) + ": the anomaly map contains NaN at (" +
                                std::to_string(x) + ", " + std::to_string(y) + ")");
                const int32_t label = labels ? labels[x] : 0;
                const uint32_t payload =
                    label > 0 ? (kDefectBit | (first_region + static_cast<uint32_t>(label - 1)))
                              : normal_payload;
                m_entries.push_back(pack_scored(s, payload));
            }
        }
    }
    report(progress, {"sorting", 0, 1, {}});
    sort_by_score(m_entries);
}

PixelSweepResult PixelTable::sweep(std::span<const uint8_t> include, const PixelSweepOptions& options) const {
    if (!include.empty() && include.size() != m_image_count)
        throw Error("image selection has the wrong length");
    std::vector<uint8_t> image_in(m_image_count, 1);
    if (!include.empty())
        image_in.assign(include.begin(), include.end());
    std::vector<uint8_t> region_in(m_region_image.size());
    int64_t regions = 0;
    for (size_t r = 0; r < region_in.size(); ++r) {
        region_in[r] = image_in[m_region_image[r]] ? 1 : 0;
        regions += region_in[r];
    }
    int64_t positives = 0;
    int64_t negatives = 0;
    for (size_t i = 0; i < m_image_count; ++i) {
        if (!image_in[i])
            continue;
        positives += m_defect_pixels[i];
        negatives += m_normal_pixels[i];
    }

    RocAccumulator roc(positives, negatives, options.max_roc_points);
    ProAccumulator pro(regions, negatives, options.pro_options);
    int64_t tp = 0;
    int64_t fp = 0;
    double overlap_sum = 0.0;
    bool moved = false;  // whether the current score step holds a selected pixel
    const auto on_entry = [&](uint32_t payload) {
        if (payload & kDefectBit) {
            const uint32_t r = payload & kIndexMask;
            if (region_in[r]) {
                ++tp;
                overlap_sum += m_region_inv_size[r];
                moved = true;
            }
        } else if (image_in[payload]) {
            ++fp;
            moved = true;
        }
    };
    bool want_pro = options.pro;
    const auto on_step = [&](float threshold) {
        if (!moved)
            return true;
        moved = false;
        if (options.roc)
            roc.add(threshold, tp, fp);
        if (want_pro) {
            pro.add(threshold, overlap_sum, fp);
            want_pro = !pro.done();
        }
        return options.roc || want_pro;
    };
    sweep_descending(m_entries, on_entry, on_step);

    PixelSweepResult result;
    if (options.roc)
        result.roc = roc.finish();
    if (options.pro)
        result.pro = pro.finish();
    return result;
}

}  // namespace kensa::metrics
