//! The inner layout parser on arbitrary bytes: it must refuse or accept, never panic, never
//! read past what a length announced, and never accept without the manifest matching.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(unverified) = saathi_package::layout::parse(data.to_vec()) {
        // Whatever parsed has a manifest whose entries were checked against their digests.
        let manifest = unverified.manifest();
        assert_eq!(manifest.version, saathi_package::layout::VERSION);
    }
});
