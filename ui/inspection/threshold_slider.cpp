#include "inspection/threshold_slider.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {
constexpr int k_steps = 1000;  // slider resolution over the range
}

ThresholdSlider::ThresholdSlider(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_spin(new QDoubleSpinBox(this)) {
    m_slider->setRange(0, k_steps);
    m_slider->setPageStep(k_steps / 20);
    m_spin->setKeyboardTracking(false);  // typing "3.5" is one change, not three
    m_spin->setMinimumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("-000.0000")) + 24);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_slider, 1);
    row->addWidget(m_spin);
    connect(m_slider, &QSlider::valueChanged, this, &ThresholdSlider::onSlider);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ThresholdSlider::onSpin);
    setFocusProxy(m_slider);
    sync();
}

void ThresholdSlider::setRange(double low, double high) {
    m_low = low;
    m_high = std::max(high, low + 1e-9);
    // Enough decimals to show a step of the slider, at most 6.
    const double step = (m_high - m_low) / k_steps;
    const int decimals = std::clamp(int(std::ceil(-std::log10(step))), 2, 6);
    const QSignalBlocker block(m_spin);
    m_spin->setDecimals(decimals);
    m_spin->setSingleStep(std::pow(10.0, -decimals + 1));
    m_spin->setRange(m_low, m_high);
    m_value = std::clamp(m_value, m_low, m_high);
    sync();
}

void ThresholdSlider::setValue(double value) {
    m_value = std::clamp(value, m_low, m_high);
    sync();
}

void ThresholdSlider::sync() {
    const QSignalBlocker a(m_slider), b(m_spin);
    m_slider->setValue(int(std::lround((m_value - m_low) / (m_high - m_low) * k_steps)));
    m_spin->setValue(m_value);
}

void ThresholdSlider::onSlider(int position) {
    m_value = position == 0         ? m_low
              : position == k_steps ? m_high
                                    : m_low + (m_high - m_low) * position / k_steps;
    const QSignalBlocker b(m_spin);
    m_spin->setValue(m_value);
    Q_EMIT valueChanged(m_value);
}

void ThresholdSlider::onSpin(double value) {
    m_value = value;
    const QSignalBlocker a(m_slider);
    m_slider->setValue(int(std::lround((m_value - m_low) / (m_high - m_low) * k_steps)));
    Q_EMIT valueChanged(m_value);
}

}  // namespace kensa::ui
