#include <kensa/nn/adtr_plus_loss.h>

#include <kensa/base/error.h>
#include <kensa/nn/adtr_transformer.h>

namespace kensa::nn {

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

}  // namespace kensa::nn
