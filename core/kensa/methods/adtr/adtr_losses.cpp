#include <kensa/methods/adtr/adtr_losses.h>

#include <kensa/base/error.h>

namespace kensa::adtr {

using torch::Tensor;

namespace {

void check_pair(const Tensor& reconstruction, const Tensor& features) {
    if (reconstruction.dim() != 4 || reconstruction.sizes() != features.sizes())
        throw Error("reconstruction " + c10::str(reconstruction.sizes()) + " and features " +
                    c10::str(features.sizes()) + " must both be [N, C, g, g]");
}

// log(1 - exp(-m)), accurate for small m; m floored so a zero difference stays finite.
Tensor log_one_minus_exp_neg(const Tensor& m) {
    return torch::log(-torch::expm1(-m.clamp_min(1e-6)));
}

}  // namespace

Tensor anomaly_grid(const Tensor& reconstruction, const Tensor& features) {
    check_pair(reconstruction, features);
    return (reconstruction - features).pow(2).sum(1).sqrt();
}

Tensor reconstruction_loss(const Tensor& reconstruction, const Tensor& features) {
    check_pair(reconstruction, features);
    return torch::mse_loss(reconstruction, features);
}

Tensor squared_difference(const Tensor& reconstruction, const Tensor& features) {
    check_pair(reconstruction, features);
    return (reconstruction - features).pow(2).mean(1);
}

Tensor pseudo_huber(const Tensor& squared) {
    return (squared + 1.0).sqrt() - 1.0;
}

Tensor pseudo_huber_difference(const Tensor& reconstruction, const Tensor& features) {
    return pseudo_huber(squared_difference(reconstruction, features));
}

Tensor pixel_level_loss(const Tensor& phi, const Tensor& y, double alpha) {
    return pixel_level_loss(phi, phi, y, alpha);
}

Tensor pixel_level_loss(const Tensor& pull, const Tensor& phi, const Tensor& y, double alpha) {
    if (phi.dim() != 3 || y.sizes() != phi.sizes() || pull.sizes() != phi.sizes())
        throw Error("pixel-level loss: pull " + c10::str(pull.sizes()) + ", phi " + c10::str(phi.sizes()) +
                    " and y " + c10::str(y.sizes()) + " must all be [N, g, g]");
    const auto yf = y.to(phi.scalar_type());
    const auto normal = ((1.0 - yf) * pull).mean({1, 2});
    const auto anomalous = (yf * phi).mean({1, 2});
    const auto has_anomaly = yf.flatten(1).amax(1).gt(0);
    const auto push =
        torch::where(has_anomaly, -alpha * log_one_minus_exp_neg(anomalous), torch::zeros_like(anomalous));
    return (normal + push).mean();
}

Tensor image_level_loss(const Tensor& phi, const Tensor& y, double alpha, int k) {
    if (phi.dim() != 3 || y.dim() != 1 || y.size(0) != phi.size(0))
        throw Error("image-level loss: phi " + c10::str(phi.sizes()) + " must be [N, g, g] and y " +
                    c10::str(y.sizes()) + " [N]");
    if (k <= 0)
        throw Error("image-level loss: k must be positive");
    const auto flat = phi.flatten(1);
    const auto q = std::get<0>(flat.topk(std::min<int64_t>(k, flat.size(1)), 1)).mean(1);
    const auto yf = y.to(phi.scalar_type());
    return ((1.0 - yf) * q - alpha * yf * log_one_minus_exp_neg(q)).mean();
}

torch::Tensor adtr_plus_loss(const torch::Tensor& reconstruction, const torch::Tensor& features,
                             const torch::Tensor& y, const AdtrPlusLossOptions& options,
                             const torch::Tensor& clean, const torch::Tensor& restorable) {
    if (!options.pixel_level && !options.image_level)
        throw Error("ADTR+ loss: enable the pixel-level loss, the image-level loss or both");
    // Both differences from one squared difference: the push is always on phi, the pull on either.
    const auto pull = [&](const torch::Tensor& squared) {
        return options.pseudo_huber_pull ? pseudo_huber(squared) : squared;
    };
    const auto squared = squared_difference(reconstruction, features);
    const auto phi = pseudo_huber(squared);
    if (y.sizes() != phi.sizes())
        throw Error("ADTR+ loss: labels " + c10::str(y.sizes()) + " do not match the grid " +
                    c10::str(phi.sizes()));
    torch::Tensor loss;
    if (options.pixel_level)
        loss = pixel_level_loss(pull(squared), phi, y, options.alpha);
    if (options.image_level) {
        const auto image = image_level_loss(phi, y.flatten(1).amax(1), options.alpha, options.k);
        loss = loss.defined() ? loss + image : image;
    }
    if (clean.defined() && options.restore_weight > 0) {
        if (!restorable.defined() || restorable.dim() != 1 || restorable.size(0) != y.size(0))
            throw Error("ADTR+ loss: restoring needs one restorable flag per image");
        const auto per_image = pull(squared_difference(reconstruction, clean)).mean({1, 2});
        loss = loss + options.restore_weight * (restorable.to(per_image.scalar_type()) * per_image).mean();
    }
    return loss;
}

}  // namespace kensa::adtr
