#include <kensa/engine/position_choice.h>

#include <kensa/base/error.h>
#include <kensa/data/random.h>
#include <kensa/data/synthetic/mix.h>
#include <kensa/engine/inspector.h>

#include <opencv2/imgproc.hpp>

#include <string>

namespace kensa::engine {

namespace {

cv::Mat at_model_size(const cv::Mat& image, int size) {
    if (image.cols == size && image.rows == size)
        return image;
    cv::Mat out;
    cv::resize(image, out, cv::Size(size, size), 0, 0, image.cols > size ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

// The held-out images at the model's size (defects are drawn at the size the model sees), each followed by
// its synthetic copies.
struct ChoiceSet {
    std::vector<cv::Mat> images, masks;  // masks: empty for the normal images
    int synthetic = 0;
};

ChoiceSet choice_set(const std::vector<cv::Mat>& holdout, const TrainingConfig& config) {
    const data::synthetic::SyntheticMix mix;
    ChoiceSet set;
    for (size_t i = 0; i < holdout.size(); ++i) {
        const cv::Mat image = at_model_size(holdout[i], config.features.image_size);
        set.images.push_back(image);
        set.masks.emplace_back();
        for (int c = 0; c < kChoiceCopiesPerImage; ++c) {
            auto defect = mix.apply(image, data::mix_seed(config.seed, i * kChoiceCopiesPerImage + c));
            set.images.push_back(std::move(defect.image));
            set.masks.push_back(std::move(defect.mask));
            ++set.synthetic;
        }
    }
    return set;
}

metrics::MetricSet metrics_of(const std::vector<postprocess::AnomalyResult>& results, const ChoiceSet& set) {
    std::vector<metrics::EvaluationRecord> records;
    for (size_t i = 0; i < results.size(); ++i) {
        const bool defect = !set.masks[i].empty();
        records.push_back({std::to_string(i), defect ? "synthetic" : std::string(metrics::kGoodType), results[i].score,
                           results[i].map, defect ? set.masks[i] : cv::Mat()});
    }
    return metrics::evaluate(records).overall;
}

}  // namespace

PositionChoice choose_position_scoring(const model::ModelBundle& bundle, const postprocess::PositionStatistics& stats,
                                       const std::vector<cv::Mat>& holdout, const TrainingConfig& config,
                                       const ProgressCallback& progress) {
    if (holdout.empty())
        throw Error("choosing the position scoring needs held-out normal images");
    const ChoiceSet set = choice_set(holdout, config);
    const auto total = static_cast<int64_t>(2 * set.images.size());
    auto stage = [&](int64_t offset) {
        return [&, offset](const Progress& p) { return !progress || progress({"positions", offset + p.done, total}); };
    };
    PositionChoice choice;
    choice.synthetic_images = set.synthetic;
    Inspector raw(bundle, config.features.threads);
    choice.raw = metrics_of(raw.inspect(set.images, stage(0)), set);
    model::ModelBundle normalised_bundle = bundle;
    store_position_statistics(normalised_bundle, stats);
    Inspector normalised(std::move(normalised_bundle), config.features.threads);
    choice.normalised = metrics_of(normalised.inspect(set.images, stage(total / 2)), set);
    auto merit = [](const metrics::MetricSet& m) { return m.pixel_auroc + m.aupro; };
    choice.normalise = !(merit(choice.raw) > merit(choice.normalised) + kRawScoreMargin);
    return choice;
}

}  // namespace kensa::engine
