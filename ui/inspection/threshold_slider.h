#pragma once
// A float-valued threshold control: a slider over a range that may be negative (z-scored maps) with a spin
// box for the exact value. valueChanged is emitted for the user's changes only, not for setValue/setRange.

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace kensa::ui {

class ThresholdSlider : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdSlider(QWidget* parent = nullptr);

    void setRange(double low, double high);
    void setValue(double value);  // clamped to the range
    double value() const { return m_value; }
    double minimum() const { return m_low; }
    double maximum() const { return m_high; }
    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spin; }

Q_SIGNALS:
    void valueChanged(double value);

private:
    void sync();  // slider and spin box from m_value and the range
    void onSlider(int position);
    void onSpin(double value);

    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
    double m_low = 0.0, m_high = 1.0, m_value = 0.0;
};

}  // namespace kensa::ui
