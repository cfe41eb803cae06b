//! The canonical request, the signed-header list and the request target,
//! written by one set of functions into any [`Sink`]: the hasher while
//! signing, an [`crate::Out`] for display.

use super::prepare::{body_digest, Payload};
use super::sort::{CONTENT_SLOT, DATE_HEADER, DATE_SLOT, HOST_SLOT};
use super::text::{self, emit_mapped, python_strip};
use super::*;
use crate::{Counter, Sink};

/// A borrowed view of a prepared request: what the canonical request, the
/// signed-header list and the request target are written from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Canon<'s> {
    pub(super) algorithm: &'s Algorithm<'s>,
    pub(super) request: &'s Request<'s>,
    pub(super) variant: Variant,
    pub(super) content_name: &'static str,
    pub(super) headers: &'s [u16],
    pub(super) query: &'s [u16],
    pub(super) date: &'s str,
    pub(super) payload: Payload<'s>,
}

impl<'s> Canon<'s> {
    /// The name (as spelled) and the signed value of a header slot.
    pub(super) fn header(&self, slot: u16) -> (&'s str, &'s str) {
        match slot {
            DATE_SLOT => (DATE_HEADER, self.date),
            HOST_SLOT => (host_header_name(self.variant), self.request.host),
            CONTENT_SLOT => (self.content_name, UNSIGNED_PAYLOAD),
            _ => self
                .request
                .headers
                .get(usize::from(slot))
                .map_or(("", ""), |&(name, value)| (name, python_strip(value))),
        }
    }

    /// Whether a header of this name is signed (CORE skips names with `_`).
    pub(super) fn is_signed(&self, name: &str) -> bool {
        // A byte loop: for names this short it beats `contains`'s memchr.
        self.variant == Variant::ApigPython || !name.bytes().any(|b| b == b'_')
    }

    /// The signed headers in order: (name as spelled, signed value).
    pub(super) fn signed_headers(&self) -> impl Iterator<Item = (&'s str, &'s str)> + '_ {
        self.headers
            .iter()
            .map(|&slot| self.header(slot))
            .filter(|&(name, _)| self.is_signed(name))
    }

    pub(super) fn emit_signed_headers<S: Sink + ?Sized>(&self, sink: &mut S) {
        for (i, (name, _)) in self.signed_headers().enumerate() {
            if i > 0 {
                sink.write(b";");
            }
            emit_mapped(name, u8::to_ascii_lowercase, sink);
        }
    }

    pub(super) fn emit_canonical_query<S: Sink + ?Sized>(&self, sink: &mut S) {
        for (i, &index) in self.query.iter().enumerate() {
            let Some(&(name, value)) = self.request.query.get(usize::from(index)) else {
                continue;
            };
            if i > 0 {
                sink.write(b"&");
            }
            crate::encode::percent_encode(name.as_bytes(), sink);
            sink.write(b"=");
            crate::encode::percent_encode(value.as_bytes(), sink);
        }
    }

    /// `METHOD\nURI\nQUERY\nname:value\n…\n\nSIGNED_HEADERS\nPAYLOAD_HASH`.
    /// The one writer of the canonical request, for the hasher and for
    /// display alike.
    /// (The body digest, when the payload line holds it, is computed first
    /// by [`Canon::body_digest`], so that no two hashers are ever live at
    /// once.)
    pub(super) fn emit_canonical_request<S: Sink + ?Sized>(&self, sink: &mut S) {
        let body = self.body_digest();
        self.emit_canonical_request_with(sink, &body);
    }

    /// The body digest of the payload line (zeros when the line holds a
    /// header value instead).
    pub(super) fn body_digest(&self) -> [u8; 32] {
        match self.payload {
            Payload::Body => body_digest(self.request.body, self.algorithm),
            Payload::Text(_) => [0; 32],
        }
    }

    /// The canonical request, with the body digest `body` computed before.
    pub(super) fn emit_canonical_request_with<S: Sink + ?Sized>(
        &self,
        sink: &mut S,
        body: &[u8; 32],
    ) {
        emit_mapped(self.request.method, u8::to_ascii_uppercase, sink);
        sink.write(b"\n");
        text::emit_canonical_uri(self.request.path, sink);
        sink.write(b"\n");
        self.emit_canonical_query(sink);
        sink.write(b"\n");
        for (name, value) in self.signed_headers() {
            emit_mapped(name, u8::to_ascii_lowercase, sink);
            sink.write(b":");
            sink.write(value.as_bytes());
            sink.write(b"\n");
        }
        sink.write(b"\n");
        self.emit_signed_headers(sink);
        sink.write(b"\n");
        match &self.payload {
            Payload::Body => crate::encode::hex(body, sink),
            Payload::Text(text) => sink.write(text.as_bytes()),
        }
    }

    pub(super) fn emit_request_target<S: Sink + ?Sized>(&self, sink: &mut S) {
        sink.write(self.request.path.as_bytes());
        if !self.query.is_empty() {
            sink.write(b"?");
            self.emit_canonical_query(sink);
        }
    }
}

/// The host header name the signer adds.
pub(super) const fn host_header_name(variant: Variant) -> &'static str {
    match variant {
        Variant::Core => "Host",
        Variant::ApigPython => "host",
    }
}

/// The exact length of what `emit` writes.
pub(super) fn counted(emit: impl FnOnce(&mut Counter)) -> usize {
    let mut counter = Counter::new();
    emit(&mut counter);
    counter.count()
}
