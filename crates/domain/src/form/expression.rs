//! The part of XLSForm's expression language (XPath with `${name}` references) that Saathi
//! evaluates: literals, references, `= != < <= > >=`, `and`, `or`, `+ - * div mod`, and the
//! functions `selected`, `not`, `true`, `false`, `if`, `concat`, `count-selected`,
//! `string-length`, `number`, `string`. Anything else is not evaluated: [`parse`] says `None`,
//! and the form keeps the text as written (a condition then always shows its question, a
//! calculation is shown as not worked out). Never a reason to refuse a form.

/// A value as XPath sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Value {
    pub fn truthy(&self) -> bool {
        match self {
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::Text(t) => !t.is_empty(),
        }
    }

    pub fn number(&self) -> f64 {
        match self {
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::Text(t) => t.trim().parse().unwrap_or(f64::NAN),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Text(t) => t.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Reference(String),
    Word(String),
    Op(&'static str),
    Open,
    Close,
    Comma,
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '\'' | '"' => {
                let end = chars[i + 1..].iter().position(|&d| d == c)? + i + 1;
                out.push(Token::Text(chars[i + 1..end].iter().collect()));
                i = end + 1;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let end = chars[i..].iter().position(|&d| d == '}')? + i;
                let name: String = chars[i + 2..end].iter().collect();
                out.push(Token::Reference(name.trim().to_string()));
                i = end + 1;
            }
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            ',' => {
                out.push(Token::Comma);
                i += 1;
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push(Token::Op("!="));
                i += 2;
            }
            '<' | '>' => {
                let with_eq = chars.get(i + 1) == Some(&'=');
                out.push(Token::Op(match (c, with_eq) {
                    ('<', true) => "<=",
                    ('<', false) => "<",
                    (_, true) => ">=",
                    _ => ">",
                }));
                i += 1 + usize::from(with_eq);
            }
            '=' => {
                out.push(Token::Op("="));
                i += 1;
            }
            '+' => {
                out.push(Token::Op("+"));
                i += 1;
            }
            '-' => {
                out.push(Token::Op("-"));
                i += 1;
            }
            '*' => {
                out.push(Token::Op("*"));
                i += 1;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let end = chars[i..]
                    .iter()
                    .position(|d| !(d.is_ascii_digit() || *d == '.'))
                    .map_or(chars.len(), |p| p + i);
                let n: String = chars[i..end].iter().collect();
                out.push(Token::Number(n.parse().ok()?));
                i = end;
            }
            c if c.is_alphabetic() => {
                let end = chars[i..]
                    .iter()
                    .position(|d| !(d.is_alphanumeric() || *d == '-' || *d == '_'))
                    .map_or(chars.len(), |p| p + i);
                out.push(Token::Word(chars[i..end].iter().collect()));
                i = end;
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Literal(Value),
    Reference(String),
    Binary(&'static str, Box<Expr>, Box<Expr>),
    Negate(Box<Expr>),
    Call(String, Vec<Expr>),
}

const FUNCTIONS: [(&str, usize, usize); 10] = [
    ("selected", 2, 2),
    ("not", 1, 1),
    ("true", 0, 0),
    ("false", 0, 0),
    ("if", 3, 3),
    ("concat", 0, usize::MAX),
    ("count-selected", 1, 1),
    ("string-length", 1, 1),
    ("number", 1, 1),
    ("string", 1, 1),
];

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(x)) if x == w)
    }

    fn or(&mut self) -> Option<Expr> {
        let mut left = self.and()?;
        while self.word("or") {
            self.at += 1;
            left = Expr::Binary("or", Box::new(left), Box::new(self.and()?));
        }
        Some(left)
    }

    fn and(&mut self) -> Option<Expr> {
        let mut left = self.comparison()?;
        while self.word("and") {
            self.at += 1;
            left = Expr::Binary("and", Box::new(left), Box::new(self.comparison()?));
        }
        Some(left)
    }

    fn comparison(&mut self) -> Option<Expr> {
        let mut left = self.sum()?;
        while let Some(Token::Op(op @ ("=" | "!=" | "<" | "<=" | ">" | ">="))) = self.peek() {
            let op = *op;
            self.at += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.sum()?));
        }
        Some(left)
    }

    fn sum(&mut self) -> Option<Expr> {
        let mut left = self.product()?;
        while let Some(Token::Op(op @ ("+" | "-"))) = self.peek() {
            let op = *op;
            self.at += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.product()?));
        }
        Some(left)
    }

    fn product(&mut self) -> Option<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Token::Op("*")) => "*",
                Some(Token::Word(w)) if w == "div" => "div",
                Some(Token::Word(w)) if w == "mod" => "mod",
                _ => break,
            };
            self.at += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
        Some(left)
    }

    fn unary(&mut self) -> Option<Expr> {
        if self.peek() == Some(&Token::Op("-")) {
            self.at += 1;
            return Some(Expr::Negate(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Option<Expr> {
        match self.next()? {
            Token::Number(n) => Some(Expr::Literal(Value::Number(n))),
            Token::Text(t) => Some(Expr::Literal(Value::Text(t))),
            Token::Reference(r) => Some(Expr::Reference(r)),
            Token::Open => {
                let e = self.or()?;
                (self.next()? == Token::Close).then_some(e)
            }
            Token::Word(name) => {
                let (_, min, max) = FUNCTIONS.iter().find(|(f, _, _)| *f == name)?;
                if self.next()? != Token::Open {
                    return None;
                }
                let mut args = Vec::new();
                if self.peek() == Some(&Token::Close) {
                    self.at += 1;
                } else {
                    loop {
                        args.push(self.or()?);
                        match self.next()? {
                            Token::Comma => {}
                            Token::Close => break,
                            _ => return None,
                        }
                    }
                }
                (args.len() >= *min && args.len() <= *max).then_some(Expr::Call(name, args))
            }
            _ => None,
        }
    }
}

/// The expression, if it is within what Saathi evaluates.
pub fn parse(text: &str) -> Option<Expr> {
    let mut parser = Parser {
        tokens: tokens(text)?,
        at: 0,
    };
    let e = parser.or()?;
    (parser.at == parser.tokens.len()).then_some(e)
}

/// Every `${name}` the text refers to, in order, whether or not it can be evaluated.
pub fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        out.push(after[..end].trim().to_string());
        rest = &after[end + 1..];
    }
    out
}

fn compare(op: &str, a: &Value, b: &Value) -> bool {
    let numeric = matches!(a, Value::Number(_)) || matches!(b, Value::Number(_));
    match op {
        "=" | "!=" => {
            let equal = match (a, b) {
                (Value::Bool(_), _) | (_, Value::Bool(_)) => a.truthy() == b.truthy(),
                _ if numeric => a.number() == b.number(),
                _ => a.text() == b.text(),
            };
            equal == (op == "=")
        }
        _ => {
            let (x, y) = (a.number(), b.number());
            match op {
                "<" => x < y,
                "<=" => x <= y,
                ">" => x > y,
                _ => x >= y,
            }
        }
    }
}

impl Expr {
    /// Its value, with each `${name}` looked up (an unanswered one is the empty text).
    pub fn evaluate(&self, lookup: &dyn Fn(&str) -> Value) -> Value {
        match self {
            Expr::Literal(v) => v.clone(),
            Expr::Reference(name) => lookup(name),
            Expr::Negate(e) => Value::Number(-e.evaluate(lookup).number()),
            Expr::Binary(op, a, b) => {
                let a = a.evaluate(lookup);
                match *op {
                    "and" => Value::Bool(a.truthy() && b.evaluate(lookup).truthy()),
                    "or" => Value::Bool(a.truthy() || b.evaluate(lookup).truthy()),
                    _ => {
                        let b = b.evaluate(lookup);
                        let (x, y) = (a.number(), b.number());
                        match *op {
                            "+" => Value::Number(x + y),
                            "-" => Value::Number(x - y),
                            "*" => Value::Number(x * y),
                            "div" => Value::Number(x / y),
                            "mod" => Value::Number(x % y),
                            cmp => Value::Bool(compare(cmp, &a, &b)),
                        }
                    }
                }
            }
            Expr::Call(name, args) => {
                let arg = |i: usize| {
                    args.get(i)
                        .map_or(Value::Text(String::new()), |a| a.evaluate(lookup))
                };
                match name.as_str() {
                    "selected" => {
                        let wanted = arg(1).text();
                        Value::Bool(arg(0).text().split_whitespace().any(|v| v == wanted))
                    }
                    "not" => Value::Bool(!arg(0).truthy()),
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "if" => {
                        if arg(0).truthy() {
                            arg(1)
                        } else {
                            arg(2)
                        }
                    }
                    "concat" => Value::Text((0..args.len()).map(|i| arg(i).text()).collect()),
                    "count-selected" => {
                        Value::Number(arg(0).text().split_whitespace().count() as f64)
                    }
                    "string-length" => Value::Number(arg(0).text().chars().count() as f64),
                    "number" => Value::Number(arg(0).number()),
                    _ => Value::Text(arg(0).text()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str) -> Option<Value> {
        let answers = |name: &str| match name {
            "sex" => Value::Text("female".into()),
            "age" => Value::Text("23".into()),
            "risks" => Value::Text("debt stigma".into()),
            _ => Value::Text(String::new()),
        };
        parse(text).map(|e| e.evaluate(&answers))
    }

    #[test]
    fn the_subset_is_evaluated_and_the_rest_is_not() {
        let yes = Some(Value::Bool(true));
        assert_eq!(eval("${sex}='female' and ${age}>=15 and ${age}<=49"), yes);
        assert_eq!(eval("selected(${risks}, 'debt')"), yes);
        assert_eq!(eval("not(selected(${risks}, 'x')) or 1 = 2"), yes);
        assert_eq!(eval("${missing} = ''"), yes);
        assert_eq!(eval("${age} != 23"), Some(Value::Bool(false)));
        assert_eq!(eval("2+2"), Some(Value::Number(4.0)));
        assert_eq!(eval("${age} * 12 div 2"), Some(Value::Number(138.0)));
        assert_eq!(
            eval("if(${sex} = 'female', 'f', 'm')"),
            Some(Value::Text("f".into()))
        );
        assert_eq!(eval("count-selected(${risks})"), Some(Value::Number(2.0)));
        assert_eq!(
            eval("'vSmt4GQA3C9u'"),
            Some(Value::Text("vSmt4GQA3C9u".into()))
        );
        // Not Saathi's: kept as written, not evaluated.
        assert_eq!(eval("today() - ${dob}"), None);
        assert_eq!(eval("/data/x = 1"), None);
        assert_eq!(eval("${a} = "), None);
        assert_eq!(references("${a} > 3 and selected(${b }, 'x')"), ["a", "b"]);
    }
}
