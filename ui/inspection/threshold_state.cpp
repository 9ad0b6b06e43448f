#include "inspection/threshold_state.h"

#include <algorithm>
#include <cmath>

namespace kensa::ui {

ThresholdRange thresholdRange(float threshold, std::optional<float> f1,
                              const std::optional<std::pair<float, float>>& observed) {
    const float t = std::isfinite(threshold) ? threshold : 0.f;
    float low = std::min(0.f, 3.f * t), high = std::max(0.f, 3.f * t);
    if (f1 && std::isfinite(*f1)) {
        low = std::min(low, *f1);
        high = std::max(high, *f1);
    }
    if (observed && std::isfinite(observed->first) && std::isfinite(observed->second)) {
        // A margin beyond the observed values, so "above everything" and "below everything" are reachable.
        const float margin = 0.02f * (observed->second - observed->first) + 1e-3f;
        low = std::min(low, observed->first - margin);
        high = std::max(high, observed->second + margin);
    }
    if (high - low < 1e-6f) {  // threshold 0 and nothing seen yet
        low -= 1.f;
        high += 1.f;
    }
    return {low, high};
}

namespace {

void widen(std::optional<std::pair<float, float>>& range, float low, float high) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    if (!range)
        range = std::pair{low, high};
    else
        range = std::pair{std::min(range->first, low), std::max(range->second, high)};
}

}  // namespace

ThresholdState::ThresholdState(QObject* parent) : QObject(parent) {}

ThresholdRange ThresholdState::imageRange() const {
    return thresholdRange(m_defaultImage, m_f1Image, m_scores);
}

ThresholdRange ThresholdState::pixelRange() const {
    return thresholdRange(m_defaultPixel, m_f1Pixel, m_mapValues);
}

void ThresholdState::setModel(float defaultImage, float defaultPixel, std::optional<float> f1Image,
                              std::optional<float> f1Pixel) {
    m_hasModel = true;
    m_defaultImage = defaultImage;
    m_defaultPixel = defaultPixel;
    m_f1Image = f1Image;
    m_f1Pixel = f1Pixel;
    m_scores.reset();
    m_mapValues.reset();
    m_image = defaultImage;
    m_pixel = defaultPixel;
    Q_EMIT modelChanged();
    Q_EMIT rangesChanged();
    Q_EMIT changed();
}

void ThresholdState::clearModel() {
    m_hasModel = false;
    m_f1Image.reset();
    m_f1Pixel.reset();
    m_scores.reset();
    m_mapValues.reset();
    Q_EMIT modelChanged();
    Q_EMIT rangesChanged();
}

void ThresholdState::setImage(float value) {
    setBoth(value, m_pixel);
}

void ThresholdState::setPixel(float value) {
    setBoth(m_image, value);
}

void ThresholdState::setBoth(float image, float pixel) {
    if (image == m_image && pixel == m_pixel)
        return;
    m_image = image;
    m_pixel = pixel;
    Q_EMIT changed();
}

void ThresholdState::setF1Optimal(std::optional<float> image, std::optional<float> pixel) {
    m_f1Image = image && std::isfinite(*image) ? image : std::nullopt;
    m_f1Pixel = pixel && std::isfinite(*pixel) ? pixel : std::nullopt;
    Q_EMIT modelChanged();
    Q_EMIT rangesChanged();
}

void ThresholdState::observeScores(float low, float high) {
    const auto before = m_scores;
    widen(m_scores, low, high);
    if (m_scores != before)
        Q_EMIT rangesChanged();
}

void ThresholdState::observeMapValues(float low, float high) {
    const auto before = m_mapValues;
    widen(m_mapValues, low, high);
    if (m_mapValues != before)
        Q_EMIT rangesChanged();
}

void ThresholdState::resetToDefaults() {
    setBoth(m_defaultImage, m_defaultPixel);
}

void ThresholdState::applyF1Optimal() {
    setBoth(m_f1Image.value_or(m_image), m_f1Pixel.value_or(m_pixel));
}

}  // namespace kensa::ui
