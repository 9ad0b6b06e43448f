#pragma once
// The image and pixel thresholds every inspection view follows: the inspection panel's sliders, the batch
// results' verdicts, the plots' markers and the review. One instance per window; a change is one
// changed() signal, and nothing that follows it runs the model again.
//
// Defaults are the model's thresholds from held-out normal images; F1-optimal ones exist once a batch with
// labelled images was evaluated (or the model carries them). The slider ranges cover the defaults, the
// F1-optimal values and every score and map value observed so far, so negative z-scored maps fit as well
// as raw ones.

#include <QObject>

#include <optional>
#include <utility>

namespace kensa::ui {

struct ThresholdRange {
    float low = 0.f;
    float high = 1.f;
};

class ThresholdState : public QObject {
    Q_OBJECT
public:
    explicit ThresholdState(QObject* parent = nullptr);

    bool hasModel() const { return m_hasModel; }
    float image() const { return m_image; }
    float pixel() const { return m_pixel; }
    float defaultImage() const { return m_defaultImage; }
    float defaultPixel() const { return m_defaultPixel; }
    std::optional<float> f1Image() const { return m_f1Image; }
    std::optional<float> f1Pixel() const { return m_f1Pixel; }
    bool hasF1Optimal() const { return m_f1Image || m_f1Pixel; }
    ThresholdRange imageRange() const;
    ThresholdRange pixelRange() const;

    // A new model: its thresholds become the defaults and the current values; observations start over.
    void setModel(float defaultImage, float defaultPixel, std::optional<float> f1Image = {},
                  std::optional<float> f1Pixel = {});
    void clearModel();
    void setImage(float value);
    void setPixel(float value);
    void setBoth(float image, float pixel);  // one changed() for both
    void setF1Optimal(std::optional<float> image, std::optional<float> pixel);
    // Widen the ranges to cover these values (scores of images, values of maps).
    void observeScores(float low, float high);
    void observeMapValues(float low, float high);

public Q_SLOTS:
    void resetToDefaults();
    void applyF1Optimal();  // where labels gave them; the other threshold stays

Q_SIGNALS:
    void changed();        // image() or pixel()
    void rangesChanged();  // imageRange() or pixelRange()
    void modelChanged();   // defaults, F1-optimal values or hasModel()

private:
    bool m_hasModel = false;
    float m_image = 0.f, m_pixel = 0.f;
    float m_defaultImage = 0.f, m_defaultPixel = 0.f;
    std::optional<float> m_f1Image, m_f1Pixel;
    std::optional<std::pair<float, float>> m_scores, m_mapValues;  // observed (low, high)
};

// The slider range around a threshold and what was observed: 0 .. 3x the threshold (the whole range of a
// raw map), widened to the observed values with a margin. Pure; exposed for tests.
ThresholdRange thresholdRange(float threshold, std::optional<float> f1,
                              const std::optional<std::pair<float, float>>& observed);

}  // namespace kensa::ui
