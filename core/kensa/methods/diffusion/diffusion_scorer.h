#pragma once
// Inspection with the diffusion denoiser (method-internal; includes LibTorch): the test image noised to an
// intermediate step and denoised back step by step, scored two ways.
// - KL term: at every denoising step, per pixel, KL(q(x_{t-1} | x_t, x0) || p(x_{t-1} | x_t)) between the
//   forward process's posterior given the test image x0 and the model's reverse step, averaged over the
//   colour channels and summed over the steps (the paper's pixel-level score). Where the image is normal
//   the two agree; where the model has moved a defect towards normal, they part.
// - Feature term: the backbone's features of the test image against those of its reconstruction (both at
//   the denoiser's resolution), per position, as the mean over channels of the squared difference of
//   features standardised by their spread on the training images.
// The anomaly map is alpha x the KL term + (1 - alpha) x the feature term, each standardised by its mean
// and spread on training images (TermStatistics), so that alpha weighs like against like.

#include <kensa/methods/diffusion/diffusion_schedule.h>
#include <kensa/methods/diffusion/diffusion_unet.h>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace kensa::diffusion {

// Images (CV_32FC3 RGB in [0, 1]) -> the backbone's feature grids [N, C, g, g].
using FeatureFunction = std::function<torch::Tensor(const std::vector<cv::Mat>&)>;

struct TermStatistics {
    double kl_mean = 0.0, kl_std = 1.0;
    double feature_mean = 0.0, feature_std = 1.0;
};

// Raw terms of a batch, [N, S, S] each (S the denoiser's resolution), and the reconstructions [N, 3, S, S]
// in [-1, 1].
struct DenoiserTerms {
    torch::Tensor kl;
    torch::Tensor feature;
    torch::Tensor reconstruction;
};

class DenoiserScorer {
public:
    // schedule: the training schedule; inspection runs `sampling_steps` of it evenly spaced, from the last
    // of them at or below start_step. feature_std: [C], the spread of each channel over the training
    // images' features. seed: the noise, the same for every image (so a map does not depend on
    // which images share its batch).
    DenoiserScorer(DenoiserUNet unet, const NoiseSchedule& schedule, int64_t sampling_steps, int64_t start_step,
                   uint64_t seed, FeatureFunction features, torch::Tensor feature_std);

    int64_t denoising_steps() const { return m_start + 1; }

    // images at any size; they are resized to the denoiser's resolution first. Without `with_features` the
    // feature term is zeros (an ensemble that weighs it 0 skips the backbone's two passes).
    DenoiserTerms terms(const std::vector<cv::Mat>& images, int64_t resolution, bool with_features = true);

    static torch::Tensor combine(const DenoiserTerms& terms, const TermStatistics& statistics, double alpha);

private:
    DenoiserUNet m_unet;
    NoiseSchedule m_sampling;
    int64_t m_start = 0;  // index into m_sampling
    uint64_t m_seed;
    FeatureFunction m_features;
    torch::Tensor m_feature_std;
};

// Mean and spread of each term over every pixel of a batch's terms.
TermStatistics term_statistics(const DenoiserTerms& terms);

// Images resized to side x side as the denoiser sees them (nn::resized_square).
std::vector<cv::Mat> at_resolution(const std::vector<cv::Mat>& images, int64_t side);

}  // namespace kensa::diffusion
