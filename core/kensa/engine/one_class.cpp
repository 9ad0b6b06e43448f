#include <kensa/engine/one_class.h>

#include <kensa/base/error.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/training.h>
#include <kensa/metrics/roc.h>

#include <chrono>
#include <cstdint>
#include <numeric>
#include <string>

namespace kensa::engine {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<int> chosen_classes(const data::TinyDataset& dataset, const OneClassConfig& config) {
    const int count = static_cast<int>(dataset.class_names.size());
    if (config.classes.empty()) {
        std::vector<int> all(static_cast<size_t>(count));
        std::iota(all.begin(), all.end(), 0);
        return all;
    }
    for (int c : config.classes)
        if (c < 0 || c >= count)
            throw Error("class " + std::to_string(c) + " is not one of the dataset's " + std::to_string(count) +
                        " classes (0-" + std::to_string(count - 1) + ")");
    return config.classes;
}

// A progress callback for the work inside one class: the same stages, with the class in the detail.
ProgressCallback within_class(const ProgressCallback& progress, const std::string& name) {
    if (!progress)
        return {};
    return [progress, name](const Progress& p) {
        Progress q = p;
        q.detail = q.detail.empty() ? name : name + ": " + q.detail;
        return progress(q);
    };
}

}  // namespace

void apply_tiny_image_settings(TrainingConfig& config, int image_size) {
    config.features.image_size = image_size;
    config.features.grid_size = 8;
    config.map.model_size = image_size;
    config.map.gaussian_sigma = 0.0;
    config.map.score_pool = 0;  // the mean of the map
    config.adtr.memory_weight = 0.0;
    config.adtr.positions = postprocess::PositionScoring::Normalised;
    config.adtr.anomaly.objective = adtr::AnomalyObjective::Image;
    config.adtr.anomaly.moved_defect_share = 0.0;
}

OneClassReport run_one_class(const data::TinyDataset& dataset, const OneClassConfig& config,
                             const ProgressCallback& progress,
                             const std::function<void(const OneClassRun&)>& on_class) {
    const auto start = Clock::now();
    const std::vector<int> classes = chosen_classes(dataset, config);
    if (config.max_train_images < 0 || config.max_test_images < 0)
        throw Error("one-class: image limits must not be negative");

    const size_t test_count = config.max_test_images > 0
                                  ? std::min(dataset.test.size(), static_cast<size_t>(config.max_test_images))
                                  : dataset.test.size();
    std::vector<cv::Mat> test_images;
    test_images.reserve(test_count);
    for (size_t i = 0; i < test_count; ++i)
        test_images.push_back(data::to_float_rgb(dataset.test.images[i]));

    OneClassReport out;
    out.dataset = dataset.description;
    out.method = config.training.method;
    for (size_t k = 0; k < classes.size(); ++k) {
        const int label = classes[k];
        OneClassRun run;
        run.label = label;
        run.name = dataset.class_names[static_cast<size_t>(label)];
        report(progress, {"class", static_cast<int64_t>(k), static_cast<int64_t>(classes.size()), run.name});

        TrainingData data;
        for (size_t i = 0; i < dataset.train.size(); ++i) {
            if (dataset.train.labels[i] != label)
                continue;
            if (config.max_train_images > 0 && static_cast<int>(data.normal.size()) >= config.max_train_images)
                break;
            data.normal.push_back(data::to_float_rgb(dataset.train.images[i]));
        }
        if (data.normal.empty())
            throw Error("class " + std::to_string(label) + " (" + run.name + ") has no training images");

        const size_t outliers = std::min(config.outliers.size(), data.normal.size());
        for (size_t i = 0; i < outliers; ++i) {
            cv::Mat image = data::to_float_rgb(config.outliers[i]);
            cv::Mat whole(image.size(), CV_8UC1, cv::Scalar(255));
            data.defects.push_back({std::move(image), std::move(whole), "outlier", {}});
        }

        std::vector<uint8_t> anomalous(test_count);
        for (size_t i = 0; i < test_count; ++i)
            anomalous[i] = dataset.test.labels[i] != label ? 1 : 0;
        run.test_anomalous = static_cast<int>(std::accumulate(anomalous.begin(), anomalous.end(), int64_t{0}));
        run.test_normal = static_cast<int>(test_count) - run.test_anomalous;
        if (run.test_normal == 0 || run.test_anomalous == 0)
            throw Error("class " + std::to_string(label) + " (" + run.name + "): the test images need both this class and others (" +
                        std::to_string(run.test_normal) + " of it, " + std::to_string(run.test_anomalous) + " others)");

        const ProgressCallback inner = within_class(progress, run.name);
        auto trained_at = Clock::now();
        TrainingResult trained = train(data, config.training, inner);
        run.training_seconds = seconds_since(trained_at);
        run.train_images = trained.train_images;
        run.holdout_images = trained.holdout_images;
        run.outlier_images = trained.defect_images;
        data = {};

        Inspector inspector(std::move(trained.bundle), config.training.features.threads);
        const auto tested_at = Clock::now();
        const std::vector<postprocess::AnomalyResult> results =
            inspector.inspect(test_images, inner, std::max(8, config.training.features.batch_size));
        run.test_seconds = seconds_since(tested_at);
        run.test_images_per_second = run.test_seconds > 0 ? static_cast<double>(test_count) / run.test_seconds : 0.0;

        std::vector<float> scores;
        scores.reserve(results.size());
        for (const auto& r : results)
            scores.push_back(r.score);
        run.image_auroc = metrics::roc_curve(scores, anomalous).auroc;
        out.classes.push_back(run);
        if (on_class)
            on_class(run);
    }
    double sum = 0.0;
    for (const auto& run : out.classes)
        sum += run.image_auroc;
    out.mean_auroc = out.classes.empty() ? 0.0 : sum / static_cast<double>(out.classes.size());
    out.seconds = seconds_since(start);
    return out;
}

}  // namespace kensa::engine
