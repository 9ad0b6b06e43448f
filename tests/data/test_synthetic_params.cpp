// Parameters: the registry describes them, round-trips them by name, and every bad value is an error
// that names the field.

#include <kensa/base/error.h>
#include <kensa/data/synthetic/confetti.h>
#include <kensa/data/synthetic/cutpaste.h>
#include <kensa/data/synthetic/perlin_texture.h>
#include <kensa/data/synthetic/registry.h>
#include <kensa/data/synthetic/scratch.h>

#include "synthetic_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace kensa::data::synthetic {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.message();
    }
    return "(no error)";
}

TEST(SyntheticRegistry, ListsEveryGeneratorInOrder) {
    std::vector<std::string> ids;
    for (const auto& info : generator_catalog()) {
        ids.push_back(info.id);
        EXPECT_FALSE(info.display_name.empty());
        EXPECT_FALSE(info.description.empty());
        EXPECT_FALSE(info.params.empty());
        EXPECT_EQ(find_generator(info.id), &info);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"confetti", "cutpaste_patch", "cutpaste_scar", "perlin_texture",
                                             "scratch"}));
    EXPECT_EQ(find_generator("nope"), nullptr);
    EXPECT_THAT(error_of([] { make_generator("nope"); }),
                AllOf(HasSubstr("'nope'"), HasSubstr("confetti"), HasSubstr("scratch")));
}

TEST(SyntheticRegistry, SpecsAreSaneAndMatchTheStructs) {
    for (const auto& info : generator_catalog()) {
        const auto generator = make_generator(info.id);
        EXPECT_NO_THROW(generator->validate()) << info.id;
        for (const auto& spec : info.params) {
            SCOPED_TRACE(info.id + "." + spec.name);
            EXPECT_LT(spec.min, spec.max);
            EXPECT_GE(spec.default_value, spec.min);
            EXPECT_LE(spec.default_value, spec.max);
            EXPECT_FALSE(spec.description.empty());
            EXPECT_EQ(generator->param(spec.name), spec.default_value);
            if (spec.type == ParamType::Integer) {
                EXPECT_EQ(spec.default_value, std::round(spec.default_value));
            }
        }
    }
    // Spot checks against the structs' own defaults.
    EXPECT_EQ(make_generator("confetti")->param("max_size"), ConfettiParams{}.max_size);
    EXPECT_EQ(make_generator("scratch")->param("max_count"), ScratchParams{}.max_count);
}

TEST(SyntheticRegistry, RoundTripsEveryParameterByName) {
    for (const auto& info : generator_catalog()) {
        const auto generator = make_generator(info.id);
        for (const auto& spec : info.params) {
            SCOPED_TRACE(info.id + "." + spec.name);
            for (double value : {spec.min, spec.max, spec.min + 0.37 * (spec.max - spec.min)}) {
                if (spec.type == ParamType::Integer)
                    value = std::round(value);
                generator->set_param(spec.name, value);
                EXPECT_EQ(generator->param(spec.name), value);
            }
            generator->set_param(spec.name, spec.default_value);
        }
        EXPECT_NO_THROW(generator->validate());
    }
}

TEST(SyntheticRegistry, SetParamChangesTheOutput) {
    const cv::Mat image = test::brick_image(2);
    const auto generator = make_generator("confetti");
    generator->set_param("min_count", 6);
    generator->set_param("max_count", 6);
    generator->set_param("min_size", 40);
    const int big = cv::countNonZero(generator->apply(image, 9).mask);
    generator->set_param("min_size", 4);
    generator->set_param("max_size", 5);
    const int small = cv::countNonZero(generator->apply(image, 9).mask);
    EXPECT_GT(big, 10 * small);
}

TEST(SyntheticRegistry, BadValuesNameTheField) {
    const auto generator = make_generator("scratch");
    EXPECT_THAT(
        error_of([&] { generator->set_param("max_width", 500); }),
        AllOf(HasSubstr("scratch"), HasSubstr("'max_width'"), HasSubstr("500"), HasSubstr("between")));
    EXPECT_THAT(error_of([&] { generator->set_param("max_count", 2.5); }),
                AllOf(HasSubstr("'max_count'"), HasSubstr("whole number")));
    EXPECT_THAT(error_of([&] { generator->set_param("curvature", std::nan("")); }), HasSubstr("'curvature'"));
    EXPECT_THAT(error_of([&] { generator->set_param("colour", 1); }),
                AllOf(HasSubstr("no parameter 'colour'"), HasSubstr("min_count"), HasSubstr("curvature")));
    EXPECT_THAT(error_of([&] { generator->param("colour"); }), HasSubstr("no parameter 'colour'"));
    // A value out of range leaves the old one.
    EXPECT_EQ(generator->param("max_width"), ScratchParams{}.max_width);

    // Order is checked by validate() and apply(), not set_param().
    generator->set_param("min_length", 200);
    generator->set_param("max_length", 100);
    EXPECT_THAT(error_of([&] { generator->validate(); }),
                AllOf(HasSubstr("'min_length' (200)"), HasSubstr("'max_length' (100)")));
    EXPECT_THROW(generator->apply(test::brick_image(1), 1), Error);
}

TEST(SyntheticParams, ValidateNamesTheBadField) {
    EXPECT_THAT(error_of([] { ConfettiParams{.min_size = 60, .max_size = 54}.validate(); }),
                AllOf(HasSubstr("confetti"), HasSubstr("'min_size'"), HasSubstr("'max_size'")));
    EXPECT_THAT(error_of([] { ConfettiParams{.white_share = 0.7, .noise_share = 0.5}.validate(); }),
                AllOf(HasSubstr("'white_share'"), HasSubstr("'noise_share'")));
    EXPECT_THAT(error_of([] { ConfettiParams{.min_count = 0}.validate(); }), HasSubstr("'min_count' is 0"));
    EXPECT_THAT(error_of([] { CutPastePatchParams{.max_area = 0.9}.validate(); }),
                AllOf(HasSubstr("cutpaste_patch"), HasSubstr("'max_area' is 0.9")));
    EXPECT_THAT(error_of([] { CutPasteScarParams{.min_width = 10, .max_width = 3}.validate(); }),
                AllOf(HasSubstr("cutpaste_scar"), HasSubstr("'min_width'")));
    EXPECT_THAT(error_of([] { PerlinTextureParams{.threshold = -0.1}.validate(); }),
                AllOf(HasSubstr("perlin_texture"), HasSubstr("'threshold'")));
    EXPECT_THAT(error_of([] { PerlinTextureParams{.min_scale_log2 = 4, .max_scale_log2 = 2}.validate(); }),
                HasSubstr("'min_scale_log2'"));
    EXPECT_THAT(error_of([] { ScratchParams{.min_strength = 0.01}.validate(); }),
                HasSubstr("'min_strength'"));
    const cv::Mat image = test::brick_image(1);
    EXPECT_THROW(confetti(image, 1, {.max_opacity = 2}), Error);
    EXPECT_THROW(scratch(image, 1, {.max_count = 0}), Error);
}

}  // namespace
}  // namespace kensa::data::synthetic
